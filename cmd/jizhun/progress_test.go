package main

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The progress bar redraws one line (carriage return, erase to end of line)
// with the share of the input read and the cases answered.
func TestProgressBar_draws_share_read_and_cases(t *testing.T) {
	var out bytes.Buffer
	var done atomic.Int64
	read := &countingReader{r: strings.NewReader("")}
	read.n.Store(50)
	done.Store(7)
	stop := progressBar(&out, &done, read, 100)
	time.Sleep(250 * time.Millisecond)
	stop()
	s := out.String()
	for _, want := range []string{"\r[###############               ]  50%", "已裁量 7 件", "\x1b[K"} {
		if !strings.Contains(s, want) {
			t.Fatalf("progress line lacks %q: %q", want, s)
		}
	}
	if !strings.HasSuffix(s, "\n") {
		t.Fatal("the bar does not end its line when stopped")
	}
}
