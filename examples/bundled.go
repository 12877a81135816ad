package examples

import _ "embed"

//go:embed county/catalog.yaml
var county []byte

// CountyFile is the name the bundled county catalog reports in positions.
const CountyFile = "examples/county/catalog.yaml"

// County returns the bundled county catalog (examples/county/catalog.yaml),
// the default catalog of `jizhun decide`. The slice is a fresh copy.
func County() []byte { return append([]byte(nil), county...) }
