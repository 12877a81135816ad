package standards

import (
	"bytes"
	"encoding/json"
	"slices"
)

// The reports' JSON writes an empty list as [], never null: a reader
// iterates over findings, coverage and changes without a nil check.

// MarshalJSON writes the report with empty lists as [].
func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report // without the method
	p := plain(r)
	p.Findings = orEmpty(p.Findings)
	p.Coverage = orEmpty(p.Coverage)
	return marshalPlain(p)
}

// MarshalJSON writes the report with empty lists as [].
func (r DiffReport) MarshalJSON() ([]byte, error) {
	type plain DiffReport
	p := plain(r)
	p.Changes = orEmpty(p.Changes)
	copied := false
	for i := range p.Changes {
		if p.Changes[i].Path == nil {
			if !copied { // the report stays as it is
				p.Changes, copied = slices.Clone(p.Changes), true
			}
			p.Changes[i].Path = []string{}
		}
	}
	return marshalPlain(p)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// marshalPlain encodes v without escaping <, > and &: conditions such as
// "area_m2 < 10" stay readable. An encoder that calls MarshalJSON escapes
// them again if it is set to.
func marshalPlain(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
