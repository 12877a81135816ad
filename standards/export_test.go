package standards

import (
	"context"
	"fmt"

	"github.com/jizhun/jizhun/discretion"
)

// CheckConfirmed runs Check and lists the witnesses the engine did not
// confirm, each with its finding and what the engine did instead.
func CheckConfirmed(ctx context.Context, eng *discretion.Engine, opts Options) (*Report, []string, error) {
	ck, err := check(ctx, eng, opts)
	if err != nil {
		return nil, nil, err
	}
	var out []string
	for _, u := range ck.unconfirmed {
		js, _ := u.finding.Witness.JSON()
		out = append(out, fmt.Sprintf("%s: %s: %v\n%s", u.finding.Pos, u.finding.Code, u.why, js))
	}
	return ck.report, out, nil
}

// NegateLabel is negateLabel, for tests of the wording.
var NegateLabel = negateLabel
