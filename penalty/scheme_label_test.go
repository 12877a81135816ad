package penalty_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/penalty"
)

// TestSchemeLabels: reasons and traces name a tier scheme in Chinese,
// never by its catalog code (midpoint …).
func TestSchemeLabels(t *testing.T) {
	for _, s := range penalty.Schemes() {
		l := s.Label()
		if l == "" || strings.ContainsAny(strings.ToLower(l), "abcdefghijklmnopqrstuvwxyz_") || l == penalty.Scheme("unknown").Label() {
			t.Errorf("scheme %s: label %q", s, l)
		}
	}
}
