package service

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/jizhun/jizhun/discretion"
)

// BatchEntry is one line of a batch's answer: the decision of the record at
// Index, or the problem that kept it from being decided. Exactly one of
// Decision and Error is set.
type BatchEntry struct {
	Index    int             `json:"index"`
	Decision json.RawMessage `json:"decision,omitempty"`
	Error    *Problem        `json:"error,omitempty"`
}

// BatchOptions tune DecideStream.
type BatchOptions struct {
	// Catalog names the catalog every record is decided against; empty
	// picks it per record as POST /v1/decisions does.
	Catalog string
	// Workers decide in parallel; 0 means GOMAXPROCS.
	Workers int
	// MaxRecordBytes bounds one record (line); 0 means discretion.MaxCaseSize.
	MaxRecordBytes int
	// Decided, if set, is called for every record from the goroutine that
	// decided it, with the decision or the problem (exactly one is nil).
	Decided func(index int, c *discretion.Case, d *discretion.Decision, p *Problem)
	// Written, if set, is called after each answer line is written, in order.
	Written func(e *BatchEntry)
	// Lang is the language of the case problems in the answers: "" or
	// "zh" for Chinese, "en" for English.
	Lang string
	// Panicked, if set, is told of a panic while deciding a record (with
	// the stack); the record is answered with an internal problem and the
	// batch goes on.
	Panicked func(index int, v any, stack []byte)
}

// BatchSummary counts a batch's records.
type BatchSummary struct {
	Records int `json:"records"`
	Decided int `json:"decided"`
	Failed  int `json:"failed"`
}

func (o *BatchOptions) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o *BatchOptions) maxRecord() int {
	if o.MaxRecordBytes > 0 {
		return o.MaxRecordBytes
	}
	return discretion.MaxCaseSize
}

// DecideStream reads NDJSON cases from r (one Case per line; blank lines are
// skipped), decides them in parallel against set and writes one BatchEntry
// per case to w as NDJSON, in input order, as soon as each is ready. A
// record that is not a valid case gets its problem in its place and the rest
// are decided. A read error (a line over the size limit is not one: it gets
// its problem) ends the batch; it is returned after every entry read before
// it has been written.
func DecideStream(ctx context.Context, set *Set, r io.Reader, w io.Writer, opts BatchOptions) (BatchSummary, error) {
	lines := newLineReader(r, opts.maxRecord())
	return decideOrdered(ctx, set, lines.next, w, nil, opts)
}

// decideArray decides the elements of a JSON array already split into raw
// values, writing a JSON array of BatchEntry.
func decideArray(ctx context.Context, set *Set, records []json.RawMessage, w io.Writer, flush func(), opts BatchOptions) (BatchSummary, error) {
	i := 0
	next := func() ([]byte, error) {
		if i == len(records) {
			return nil, io.EOF
		}
		i++
		return records[i-1], nil
	}
	if _, err := io.WriteString(w, "[\n"); err != nil {
		return BatchSummary{}, err
	}
	first := true
	sep := func() []byte {
		if first {
			first = false
			return nil
		}
		return []byte(",\n")
	}
	sum, err := decideOrderedSep(ctx, set, next, w, flush, sep, opts)
	if err != nil {
		return sum, err
	}
	_, err = io.WriteString(w, "\n]\n")
	return sum, err
}

func decideOrdered(ctx context.Context, set *Set, next func() ([]byte, error), w io.Writer, flush func(), opts BatchOptions) (BatchSummary, error) {
	return decideOrderedSep(ctx, set, next, w, flush, nil, opts)
}

// decideOrderedSep is the ordered pipeline: one goroutine reads records, the
// workers decide them, the caller's goroutine writes the answers in the
// order the records came. Each record has a slot with a one-element channel,
// so a worker never waits for the writer, and the queue of slots bounds how
// far reading runs ahead of writing.
func decideOrderedSep(ctx context.Context, set *Set, next func() ([]byte, error), w io.Writer, flush func(), sep func() []byte, opts BatchOptions) (BatchSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct {
		index int
		in    []byte
		err   error // a record the reader could not take in (too long)
		out   chan *BatchEntry
	}
	n := opts.workers()
	order := make(chan *slot, 4*n)
	jobs := make(chan *slot, 4*n)
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		for index := 0; ; index++ {
			rec, err := next()
			sl := &slot{index: index, in: rec, out: make(chan *BatchEntry, 1)}
			var tooLong *recordTooLongError
			switch {
			case errors.As(err, &tooLong):
				sl.err = err
			case err == io.EOF:
				return
			case err != nil:
				readErr = err
				return
			}
			select {
			case order <- sl:
			case <-ctx.Done():
				return
			}
			jobs <- sl // never blocks for long: jobs is as deep as order
		}
	}()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var sl *slot
				select {
				case sl = <-jobs:
				case <-ctx.Done():
					return
				}
				if sl == nil {
					return
				}
				if sl.err != nil {
					p := recordTooLong(opts.maxRecord())
					if opts.Decided != nil {
						opts.Decided(sl.index, nil, nil, p)
					}
					sl.out <- &BatchEntry{Index: sl.index, Error: p.finish()}
					continue
				}
				sl.out <- decideRecord(ctx, set, sl.index, sl.in, opts)
			}
		}()
	}
	defer func() {
		cancel()
		wg.Wait()
	}()
	var sum BatchSummary
	bw := bufio.NewWriterSize(w, 64<<10)
	for sl := range order {
		var e *BatchEntry
		select {
		case e = <-sl.out:
		case <-ctx.Done():
			return sum, ctx.Err()
		}
		sum.Records++
		if e.Error != nil {
			sum.Failed++
		} else {
			sum.Decided++
		}
		line, err := marshalEntry(e)
		if err != nil {
			return sum, err
		}
		if sep != nil {
			bw.Write(sep())
			line = line[:len(line)-1]
		}
		bw.Write(line)
		if opts.Written != nil {
			opts.Written(e)
		}
		// Flush when the pipeline has nothing ready, so that a client
		// streaming cases one by one gets each answer at once, and a bulk
		// batch is written in large blocks.
		if len(order) == 0 || bw.Available() < 4<<10 {
			if err := bw.Flush(); err != nil {
				return sum, err
			}
			if flush != nil {
				flush()
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return sum, err
	}
	return sum, readErr
}

// decideRecord decides one record of a batch.
func decideRecord(ctx context.Context, set *Set, index int, raw []byte, opts BatchOptions) (e *BatchEntry) {
	// A worker goroutine is outside the handler's recover: a panic here
	// would end the process, so it ends only this record.
	defer func() {
		if v := recover(); v != nil {
			if opts.Panicked != nil {
				opts.Panicked(index, v, debug.Stack())
			}
			e = &BatchEntry{Index: index, Error: internalProblem().finish()}
		}
	}()
	c, d, p := decideOne(ctx, set, opts.Catalog, raw)
	if opts.Decided != nil {
		opts.Decided(index, c, d, p)
	}
	if p != nil {
		// A copy: Decided may still hold p.
		q := *p
		return &BatchEntry{Index: index, Error: q.finish().localize(opts.Lang)}
	}
	out, err := d.JSON()
	if err != nil {
		return &BatchEntry{Index: index, Error: internalProblem().finish()}
	}
	var buf bytes.Buffer
	buf.Grow(len(out))
	if err := json.Compact(&buf, out); err != nil {
		return &BatchEntry{Index: index, Error: internalProblem().finish()}
	}
	return &BatchEntry{Index: index, Decision: buf.Bytes()}
}

// decideOne parses and decides one Case JSON: the case (nil if it does not
// parse) and its decision, or the problem.
func decideOne(ctx context.Context, set *Set, catalogID string, raw []byte) (*discretion.Case, *discretion.Decision, *Problem) {
	c, err := discretion.ParseCase(bytes.NewReader(raw))
	if err != nil {
		return nil, nil, problemOf(err, true)
	}
	eng, p := set.forCase(catalogID, c)
	if p != nil {
		return c, nil, p
	}
	d, err := eng.Decide(ctx, c)
	if err != nil {
		return c, nil, problemOf(err, false)
	}
	return c, d, nil
}

// lineReader splits NDJSON into records, skipping blank lines. A line longer
// than the limit is reported as a recordTooLongError and skipped, so that
// the next line is read normally.
type lineReader struct {
	r     *bufio.Reader
	limit int
}

type recordTooLongError struct{ limit int }

func (e *recordTooLongError) Error() string {
	return fmt.Sprintf("record longer than %d bytes", e.limit)
}

func recordTooLong(limit int) *Problem {
	return &Problem{Status: http.StatusRequestEntityTooLarge, Code: CodeBodyTooLarge, Title: "单条案件数据过大",
		Detail: fmt.Sprintf("这一行超过单个案件允许的 %d 字节，未予裁量；其余各行照常裁量。", limit)}
}

func newLineReader(r io.Reader, limit int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

func (l *lineReader) next() ([]byte, error) {
	for {
		var line []byte
		tooLong := false
		for {
			chunk, err := l.r.ReadSlice('\n')
			if !tooLong {
				if len(line)+len(chunk) > l.limit+2 { // room for "\r\n"
					tooLong, line = true, nil
				} else {
					line = append(line, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF && (len(line) > 0 || tooLong) {
				break
			}
			if err != nil {
				return nil, err
			}
			break
		}
		if tooLong {
			return nil, &recordTooLongError{l.limit}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return line, nil
	}
}

// splitArray checks that data is one JSON array and returns its elements.
func splitArray(data []byte) ([]json.RawMessage, *Problem) {
	var records []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	bad := func(msg string) ([]json.RawMessage, *Problem) {
		return nil, &Problem{Status: http.StatusBadRequest, Code: CodeMalformedBatch, Title: "批量数据格式错误",
			Detail: "批量裁量的请求体应为案件 JSON 对象组成的数组（application/json），或每行一个案件的 NDJSON（application/x-ndjson）：" + msg}
	}
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return bad("请求体不是 JSON 数组。")
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return bad(fmt.Sprintf("第 %d 个元素不是合法的 JSON：%v", len(records)+1, err))
		}
		records = append(records, raw)
	}
	if _, err := dec.Token(); err != nil {
		return bad("数组没有正确结束。")
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return bad("数组之后还有多余的数据。")
	}
	return records, nil
}

// marshalEntry writes an entry as one line of JSON ending in a newline,
// keeping the decision's bytes as Decision.JSON wrote them (json.Marshal
// would escape its < and >).
func marshalEntry(e *BatchEntry) ([]byte, error) {
	if e.Error == nil {
		// The decision is compact JSON already (decideRecord): spare the
		// encoder a second pass over it.
		b := make([]byte, 0, len(e.Decision)+32)
		b = append(b, `{"index":`...)
		b = strconv.AppendInt(b, int64(e.Index), 10)
		b = append(b, `,"decision":`...)
		b = append(b, e.Decision...)
		return append(b, "}\n"...), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
