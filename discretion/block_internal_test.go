package discretion

import (
	"testing"
	"unsafe"
)

// TestDecisionBlockSize: the decision block stays within 512 bytes, the
// largest object Go's allocator describes to the collector without a
// header of its own; past it, every decision costs noticeably more to
// allocate and to scan (docs/performance.md).
func TestDecisionBlockSize(t *testing.T) {
	if n := unsafe.Sizeof(decisionBlock{}); n > 512 {
		t.Errorf("decisionBlock is %d bytes; keep it within 512", n)
	}
}
