package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/jizhun/jizhun/discretion"
)

// LogRecord is one line of a decision log: when, the case as the engine
// read it, the exact catalog (id and digest) and engine, and the decision.
// jizhun replay re-decides the case with the catalog of the same digest.
type LogRecord struct {
	Time     time.Time             `json:"time"`
	Catalog  discretion.CatalogRef `json:"catalog"`
	Engine   string                `json:"engine"`
	Case     json.RawMessage       `json:"case"`
	Decision json.RawMessage       `json:"decision"`
}

// DecisionLog appends one JSON line per decision to a writer (a file opened
// for appending). Each record is written with one Write call under a lock,
// so records never interleave. It is safe for concurrent use.
type DecisionLog struct {
	mu     sync.Mutex
	w      io.Writer
	engine string
	now    func() time.Time
}

// NewDecisionLog returns a log that appends to w.
func NewDecisionLog(w io.Writer) *DecisionLog {
	return &DecisionLog{w: w, engine: EngineVersion(), now: func() time.Time { return time.Now().UTC() }}
}

// Record appends the record of one decision. The case is written in its
// normal form (keys sorted, numbers as given); the decision in the compact
// form of Decision.JSON.
func (l *DecisionLog) Record(c *discretion.Case, d *discretion.Decision) error {
	caseJSON, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("decision log: case: %w", err)
	}
	dec, err := d.JSON()
	if err != nil {
		return fmt.Errorf("decision log: decision: %w", err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, dec); err != nil {
		return fmt.Errorf("decision log: decision: %w", err)
	}
	var line bytes.Buffer
	enc := json.NewEncoder(&line) // Encode ends the record with its newline
	enc.SetEscapeHTML(false)      // keep the decision's bytes as Decision.JSON wrote them
	if err := enc.Encode(LogRecord{Time: l.now(), Catalog: d.Catalog, Engine: l.engine, Case: caseJSON, Decision: compact.Bytes()}); err != nil {
		return fmt.Errorf("decision log: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	_, err = l.w.Write(line.Bytes())
	return err
}

// EngineVersion names the build of jizhun that decides: the module version
// and, for a build from a checkout, the VCS revision.
func EngineVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "jizhun (unknown build)"
	}
	v := "jizhun " + bi.Main.Version
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v += " " + s.Value
		case "vcs.modified":
			if s.Value == "true" {
				v += " (modified)"
			}
		}
	}
	return v
}
