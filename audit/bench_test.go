//go:build unix

package audit_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/jizhun/jizhun/audit"
)

// BenchmarkAudit10000 audits the generator's default 10 000 records (CSV,
// with party history, so three passes over the file) and reports
// records/s of wall-clock time and of the process's CPU time (user and
// system, all threads), which is the fairer figure on a shared machine.
// Run it once:
//
//	go test ./audit -run '^$' -bench Audit10000 -benchtime 1x
func BenchmarkAudit10000(b *testing.B) {
	eng := countyEngine(b)
	ds, m, src := generated(b, eng, 10000, "csv")
	a, err := audit.New(m, eng)
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.Run(context.Background(), src, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	n := float64(len(ds.Rows)) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(n/(cpuTime()-cpu0).Seconds(), "records/cpu-s")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
