package service

import (
	"context"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// checkEngine runs the consistency checks of `jizhun check` (standards.Check
// with its default options) on a compiled catalog and returns its
// error-severity findings — gaps, overlaps in exclusive benchmarks, ranges
// outside the statute … — which keep a catalog from being served. Warnings
// do not. It is the one place the service calls standards.Check.
func checkEngine(ctx context.Context, eng *discretion.Engine) (catalog.Diagnostics, error) {
	report, err := standards.Check(ctx, eng, standards.Options{})
	if err != nil {
		return nil, err
	}
	var errs catalog.Diagnostics
	for i := range report.Findings {
		if f := &report.Findings[i]; f.Severity == standards.SeverityError {
			d := f.Diagnostic
			errs.Add(&d)
		}
	}
	return errs, nil
}
