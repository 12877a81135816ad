package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jizhun/jizhun/service"
)

// decideBatch is `jizhun decide --batch [FILE|-]`: NDJSON cases in, one
// service.BatchEntry per case out, in input order, decided by workers in
// parallel (the arguments are checked by decide). On a terminal, stderr shows a progress bar; a summary line ends
// the run. Exit 1 if any case could not be decided.
func decideBatch(catalogPath string, args []string, workers int, stdin io.Reader, stdout, stderr io.Writer) int {
	var paths []string
	if catalogPath != "" {
		paths = []string{catalogPath}
	}
	set, err := service.LoadSet(paths)
	if err != nil {
		printErr(stderr, err)
		return exitInvalid
	}
	in, size, name := stdin, int64(-1), "-"
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintf(stderr, "jizhun decide: %v\n", err)
			return exitInvalid
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		in, name = f, args[0]
	}
	counted := &countingReader{r: in}
	var done atomic.Int64
	opts := service.BatchOptions{Workers: workers, Lang: langOf(stderr), Written: func(*service.BatchEntry) { done.Add(1) }}
	start := time.Now()
	stopBar := func() {}
	if isTerminal(stderr) {
		stopBar = progressBar(stderr, &done, counted, size)
	}
	sum, err := service.DecideStream(context.Background(), set, counted, stdout, opts)
	stopBar()
	took := time.Since(start)
	rate := float64(sum.Records) / took.Seconds()
	fmt.Fprintf(stderr, "%s: 共 %d 件，已裁量 %d 件，出错 %d 件，用时 %.2f 秒（每秒 %.0f 件）\n",
		name, sum.Records, sum.Decided, sum.Failed, took.Seconds(), rate)
	if err != nil {
		fmt.Fprintf(stderr, "jizhun decide: reading %s: %v\n", name, err)
		return exitInvalid
	}
	if sum.Failed > 0 {
		return exitInvalid
	}
	return exitOK
}

// countingReader counts the bytes read, for the progress bar.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// isTerminal reports whether w is a character device other than the null
// device: a terminal, where a progress bar helps and binary output does
// harm; in a file or a pipe a bar would only be noise.
func isTerminal(w io.Writer) bool {
	if lw, ok := w.(localizedWriter); ok {
		w = lw.Writer
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

// progressBar redraws one line on w five times a second until stopped: a bar
// by bytes read when the input's size is known, and the cases answered with
// their rate.
func progressBar(w io.Writer, done *atomic.Int64, read *countingReader, size int64) (stop func()) {
	quit := make(chan struct{})
	finished := make(chan struct{})
	start := time.Now()
	draw := func() {
		n := done.Load()
		rate := float64(n) / max(time.Since(start).Seconds(), 1e-9)
		line := fmt.Sprintf("已裁量 %d 件（每秒 %.0f 件）", n, rate)
		if size > 0 {
			frac := min(float64(read.n.Load())/float64(size), 1)
			const width = 30
			filled := int(frac * width)
			line = fmt.Sprintf("[%s%s] %3.0f%%  %s", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), frac*100, line)
		}
		fmt.Fprintf(w, "\r%s\x1b[K", line)
	}
	go func() {
		defer close(finished)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				draw()
			case <-quit:
				draw()
				io.WriteString(w, "\n")
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-finished
	}
}
