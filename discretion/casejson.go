package discretion

import (
	"bytes"
	"encoding/json"
)

// JSON renders the case as indented Case JSON with a final newline: the
// form ParseCase and `jizhun decide --case` read back. Facts are written
// as encoding/json writes them; a json.Number keeps its exact decimal text.
// The error is for a fact value that has no JSON form (a channel, NaN).
func (c *Case) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
