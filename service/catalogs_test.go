package service

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCatalogs_list_header_and_items(t *testing.T) {
	a := newAPI(t, Config{})
	rec := a.do(t, request{method: "GET", path: "/v1/catalogs"})
	var list struct{ Catalogs []CatalogInfo }
	json.Unmarshal(rec.Body.Bytes(), &list)
	if rec.Code != 200 || len(list.Catalogs) != 1 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	c := list.Catalogs[0]
	if c.ID != "example-county-chengguan" || c.Effective == "" || c.Expires == "" || !strings.HasPrefix(c.Digest, "sha256:") || c.Items == 0 {
		t.Fatalf("catalog header %+v", c)
	}
	rec = a.do(t, request{method: "GET", path: "/v1/catalogs/" + c.ID})
	if rec.Code != 200 || rec.Header().Get(headerCatalogDigest) != c.Digest {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	rec = a.do(t, request{method: "GET", path: "/v1/catalogs/" + c.ID + "/items"})
	var items struct{ Items []ItemSummary }
	json.Unmarshal(rec.Body.Bytes(), &items)
	if len(items.Items) != c.Items {
		t.Fatalf("%d items listed, header says %d", len(items.Items), c.Items)
	}
	// Every item's form: facts typed and labelled, grades with their
	// conditions in Chinese — no expression syntax reaches a reader.
	for _, it := range items.Items {
		rec := a.do(t, request{method: "GET", path: "/v1/catalogs/" + c.ID + "/items/" + it.Code})
		var f ItemForm
		if err := json.Unmarshal(rec.Body.Bytes(), &f); err != nil || rec.Code != 200 {
			t.Fatalf("%s: status %d %v", it.Code, rec.Code, err)
		}
		if len(f.Facts) == 0 || len(f.Parties) == 0 || len(f.Versions) == 0 || f.Catalog.Digest != c.Digest {
			t.Fatalf("%s: incomplete form %+v", it.Code, f)
		}
		for _, fa := range f.Facts {
			if fa.Label == "" || fa.Type == "" || (fa.Type == "enum" && len(fa.Values) == 0) {
				t.Fatalf("%s: fact %+v lacks label, type or values", it.Code, fa)
			}
		}
		for _, v := range f.Versions {
			if len(v.Sanctions) == 0 {
				t.Fatalf("%s: version %s has no sanctions", it.Code, v.ID)
			}
			for _, g := range v.Grades {
				if !hasHan(g.Condition) || strings.ContainsAny(g.Condition, "&|=<>!") || strings.Contains(g.Condition, "_") {
					t.Fatalf("%s grade %s: condition %q is not plain Chinese", it.Code, g.ID, g.Condition)
				}
			}
		}
	}
}

func TestCatalogs_enum_facts_carry_their_chinese_labels(t *testing.T) {
	a := newAPI(t, Config{})
	rec := a.do(t, request{method: "GET", path: "/v1/catalogs/example-county-chengguan/items/330199ZF028"})
	var f ItemForm
	json.Unmarshal(rec.Body.Bytes(), &f)
	for _, fa := range f.Facts {
		if fa.Name == "harm" {
			for _, v := range fa.Values {
				if v.Value == "" || !hasHan(v.Label) {
					t.Fatalf("harm value %+v", v)
				}
			}
			return
		}
	}
	t.Fatalf("no harm fact in %+v", f.Facts)
}

func TestCatalogs_unknown_catalog_and_item(t *testing.T) {
	a := newAPI(t, Config{})
	for _, path := range []string{"/v1/catalogs/nope", "/v1/catalogs/nope/items", "/v1/catalogs/nope/items/x", "/v1/catalogs/nope/table"} {
		rec := a.do(t, request{method: "GET", path: path})
		if p := decodeProblem(t, rec.Body.Bytes()); rec.Code != 404 || p.Code != CodeUnknownCatalog {
			t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
	}
	rec := a.do(t, request{method: "GET", path: "/v1/catalogs/example-county-chengguan/items/NOPE"})
	if p := decodeProblem(t, rec.Body.Bytes()); rec.Code != 404 || p.Code != CodeUnknownItem {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
}

func TestTable_every_format(t *testing.T) {
	a := newAPI(t, Config{})
	for format, ct := range tableMediaTypes {
		rec := a.do(t, request{method: "GET", path: "/v1/catalogs/example-county-chengguan/table?format=" + format})
		if rec.Code != 200 || rec.Header().Get("Content-Type") != ct || rec.Body.Len() < 1000 {
			t.Fatalf("%s: %d %s, %d bytes", format, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
		}
	}
	rec := a.do(t, request{method: "GET", path: "/v1/catalogs/example-county-chengguan/table?format=md&list=first-offense"})
	if !strings.Contains(rec.Body.String(), "首违不罚清单") || strings.Contains(rec.Body.String(), "裁量基准表\n") {
		t.Fatalf("list=first-offense:\n%s", clip(rec.Body.Bytes()))
	}
	for _, bad := range []string{"format=pdf", "wording=nice", "list=all"} {
		rec := a.do(t, request{method: "GET", path: "/v1/catalogs/example-county-chengguan/table?" + bad, invalidRequest: bad != "list=all"})
		if p := decodeProblem(t, rec.Body.Bytes()); rec.Code != 400 || p.Code != CodeBadRequest {
			t.Fatalf("%s: %d %s", bad, rec.Code, rec.Body)
		}
	}
}
