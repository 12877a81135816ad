package audit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// row is one record as read: the cells of the mapped columns in the
// order of Mapping.cols (nil where the row could not be read), its line in
// the file, and what was wrong with reading it.
type row struct {
	line     int
	cells    []string
	problems []Problem
}

// rowReader yields the records of an export one by one; io.EOF ends them.
type rowReader interface {
	next() (*row, error)
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomGB18030 = []byte{0x84, 0x31, 0x95, 0x33}
)

// decodeInput drops a byte-order mark and decodes GB18030 where the
// mapping says so, or where it says auto and the start of the file is not
// valid UTF-8.
func decodeInput(r io.Reader, encoding string) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	gb := strings.EqualFold(encoding, "gb18030")
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
		gb = false
	case bytes.HasPrefix(head, bomGB18030):
		br.Discard(len(bomGB18030))
		gb = true
	case encoding == "" || strings.EqualFold(encoding, "auto"):
		gb = !validUTF8Prefix(head)
	}
	if gb {
		return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	return br
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing a rune cut
// off at its end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// csvReader reads a CSV export with a header row.
type csvReader struct {
	r      *csv.Reader
	pos    []int // the file's column of each of Mapping.cols
	header []string
}

// newCSVReader reads the header and checks that every mapped column is in
// it; a missing column is an error for the whole file, named with the
// mapping key that asks for it.
func newCSVReader(r io.Reader, m *Mapping) (*csvReader, error) {
	cr := csv.NewReader(decodeInput(r, m.Encoding))
	cr.FieldsPerRecord = 0
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, errors.New("文件为空：没有表头行")
		}
		return nil, fmt.Errorf("表头无法读取：%v", err)
	}
	pos := make(map[string]int, len(header))
	for i, h := range header {
		pos[strings.TrimSpace(h)] = i
	}
	c := &csvReader{r: cr, pos: make([]int, len(m.cols)), header: append([]string(nil), header...)}
	var missing []string
	for k, nc := range m.cols {
		i, ok := pos[nc.column]
		if !ok {
			missing = append(missing, fmt.Sprintf("映射文件的 %s 指向的列「%s」不在表头中", nc.key, nc.column))
			continue
		}
		c.pos[k] = i
	}
	if len(missing) > 0 {
		return nil, &HeaderError{Problems: missing}
	}
	return c, nil
}

// HeaderError lists the mapped columns an export's header lacks.
type HeaderError struct{ Problems []string }

func (e *HeaderError) Error() string { return strings.Join(e.Problems, "；") }

func (c *csvReader) next() (*row, error) {
	fields, err := c.r.Read()
	line, _ := c.r.FieldPos(0)
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader goes on with the next record after a malformed
			// one: the record is reported, not skipped in silence.
			msg := pe.Err.Error()
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				msg = fmt.Sprintf("本行有 %d 列，表头有 %d 列", len(fields), len(c.header))
			} else if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				msg = "引号使用有误（CSV 格式错误）"
			}
			return &row{line: pe.StartLine, problems: []Problem{{Field: "", Message: msg}}}, nil
		}
		return nil, err
	}
	rw := &row{line: line, cells: make([]string, len(c.pos))}
	for k, i := range c.pos {
		rw.cells[k] = strings.TrimSpace(fields[i])
	}
	return rw, nil
}

// ndjsonReader reads one JSON object a line; the mapping's column names
// are the objects' keys.
type ndjsonReader struct {
	sc   *bufio.Scanner
	line int
	cols []namedColumn
}

// maxLine bounds one NDJSON record.
const maxLine = 1 << 20

func newNDJSONReader(r io.Reader, m *Mapping) *ndjsonReader {
	sc := bufio.NewScanner(decodeInput(r, "utf-8"))
	sc.Buffer(make([]byte, 64<<10), maxLine)
	return &ndjsonReader{sc: sc, cols: m.cols}
}

func (n *ndjsonReader) next() (*row, error) {
	for n.sc.Scan() {
		n.line++
		text := bytes.TrimSpace(n.sc.Bytes())
		if len(text) == 0 {
			continue
		}
		rw := &row{line: n.line, cells: make([]string, len(n.cols))}
		if !utf8.Valid(text) {
			rw.problems = append(rw.problems, Problem{Message: "不是有效的 UTF-8 文字（NDJSON 应为 UTF-8 编码）"})
			return rw, nil
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil || obj == nil {
			rw.problems = append(rw.problems, Problem{Message: "不是一个 JSON 对象"})
			return rw, nil
		}
		for k, nc := range n.cols {
			v, ok := obj[nc.column]
			if !ok {
				continue // an absent key is an empty cell
			}
			switch x := v.(type) {
			case nil:
			case string:
				rw.cells[k] = strings.TrimSpace(x)
			case json.Number:
				rw.cells[k] = x.String()
			case bool:
				rw.cells[k] = fmt.Sprint(x)
			default:
				rw.problems = append(rw.problems, Problem{Field: nc.key, Column: nc.column, Message: "应为文字、数字或布尔值，不能是对象或数组"})
			}
		}
		return rw, nil
	}
	if err := n.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("第 %d 行超过 %d 字节", n.line+1, maxLine)
		}
		return nil, err
	}
	return nil, io.EOF
}
