package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

// LoadEngine loads and compiles one catalog file; an empty path is the
// bundled county catalog (examples/county/catalog.yaml). The error, if any,
// lists every problem (catalog.AsDiagnostics extracts them).
func LoadEngine(path string) (*discretion.Engine, error) {
	var cat *catalog.Catalog
	var err error
	if path == "" {
		cat, err = catalog.Load(examples.CountyFile, examples.County())
	} else {
		cat, err = catalog.LoadFile(path)
	}
	if err != nil {
		return nil, CompleteLoadError(cat, err)
	}
	return discretion.Compile(cat)
}

// CompleteLoadError completes the error of a load that found problems, so
// that one run reports them all: the catalog Load returns without the items
// it found problems in is compiled, and the conditions of those items are
// checked on their own.
func CompleteLoadError(cat *catalog.Catalog, err error) error {
	all, _ := catalog.AsDiagnostics(err)
	if cat == nil {
		return err
	}
	if _, cerr := discretion.Compile(cat); cerr != nil {
		ds, _ := catalog.AsDiagnostics(cerr)
		all = append(all, ds...)
	}
	base := discretion.BaseScope(cat)
	all = append(all, condition.CheckItems(cat.LeftOut, func(it *catalog.Item) *condition.Scope {
		return discretion.ItemScope(base, cat, it)
	})...)
	all.Sort()
	return all.Err()
}

// Set is the catalogs a server decides against, compiled and immutable.
// Reload replaces the whole Set at once, never part of it.
type Set struct {
	engines []*discretion.Engine // in the order of the sources
	byID    map[string]*discretion.Engine
	Loaded  time.Time
}

// LoadSet loads and compiles every source (an empty path is the bundled
// catalog). It fails as a whole: one bad file, or two catalogs with the same
// id, and no Set is returned; the error lists every problem of every file.
func LoadSet(paths []string) (*Set, error) {
	return loadSet(context.Background(), paths, false)
}

// loadSet is LoadSet; with check, the consistency checks of `jizhun check`
// run on every catalog too, and an error finding fails the load.
func loadSet(ctx context.Context, paths []string, check bool) (*Set, error) {
	if len(paths) == 0 {
		paths = []string{""}
	}
	s := &Set{byID: map[string]*discretion.Engine{}, Loaded: time.Now().UTC()}
	var diags catalog.Diagnostics
	var other []error
	for _, p := range paths {
		eng, err := LoadEngine(p)
		if err != nil {
			if ds, ok := catalog.AsDiagnostics(err); ok {
				for _, d := range ds {
					diags.Add(d)
				}
			} else {
				other = append(other, err)
			}
			continue
		}
		if check {
			found, err := checkEngine(ctx, eng)
			if err != nil {
				other = append(other, err)
				continue
			}
			if len(found) > 0 {
				for _, d := range found {
					diags.Add(d)
				}
				continue
			}
		}
		id := eng.Catalog().ID
		if prev, dup := s.byID[id]; dup {
			diags.Addf(catalog.Pos{File: eng.Catalog().File}, catalog.CodeDuplicateName,
				"catalog id %q is also the id of %s; each catalog a server loads needs its own id", id, prev.Catalog().File)
			continue
		}
		s.byID[id] = eng
		s.engines = append(s.engines, eng)
	}
	if len(other) > 0 {
		return nil, errors.Join(append(other, diags.Err())...)
	}
	if err := diags.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Engines returns the engines in the order of the sources.
func (s *Set) Engines() []*discretion.Engine { return slices.Clone(s.engines) }

// Engine returns the engine of the catalog with the given id, or nil.
func (s *Set) Engine(id string) *discretion.Engine { return s.byID[id] }

// ByDigest returns the engine whose catalog has the given digest, or nil.
func (s *Set) ByDigest(digest string) *discretion.Engine {
	for _, e := range s.engines {
		if e.Catalog().Digest == digest {
			return e
		}
	}
	return nil
}

// forCase picks the catalog a case is decided against: the one named, else
// the only one, else the only one that has every item the case names.
func (s *Set) forCase(catalogID string, c *discretion.Case) (*discretion.Engine, *Problem) {
	if catalogID != "" {
		if e := s.byID[catalogID]; e != nil {
			return e, nil
		}
		return nil, unknownCatalog(catalogID)
	}
	if len(s.engines) == 1 {
		return s.engines[0], nil
	}
	codes := c.Items
	if c.Item != "" {
		codes = append([]string{c.Item}, codes...)
	}
	var found []*discretion.Engine
	for _, e := range s.engines {
		all := len(codes) > 0
		for _, code := range codes {
			if e.Catalog().Item(code) == nil {
				all = false
				break
			}
		}
		if all {
			found = append(found, e)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, &Problem{Status: 422, Code: CodeUnknownItem, Title: "事项不存在",
			Detail:   "本服务加载的裁量基准中没有同时包含案件所列全部事项代码的基准。",
			Problems: []discretion.Problem{{Field: "item", Message: fmt.Sprintf("no catalog served has every item %q", codes)}}}
	}
	ids := make([]string, len(found))
	for i, e := range found {
		ids[i] = e.Catalog().ID
	}
	return nil, &Problem{Status: 422, Code: CodeAmbiguousCatalog, Title: "无法确定适用的裁量基准",
		Detail: fmt.Sprintf("案件所列事项见于多个裁量基准（%v），请用查询参数 catalog 指明适用的基准。", ids)}
}
