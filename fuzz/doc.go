// Package fuzz tests the engine against a catalog: property tests that users
// run against their own catalogs, and native Go fuzz targets for the loader
// and for Decide.
//
// # Properties
//
// [Check] generates cases from a catalog's fact schema with gopter — within
// the declared bounds and enum values, biased towards the constants the
// conditions compare facts with, with parties of every type and age, prior
// violations, continuing acts, late discovery and 告知承诺 — decides them
// with the engine and tests these properties:
//
//   - totality: every valid case gets exactly one decision, never an error
//     (a gap between grades is an error);
//   - statute: the fine stays within the statutory range, below its minimum
//     only for a mitigated outcome with a 减轻 ground in the trace, and never
//     below zero;
//   - monotonicity: moving a fact declared aggravating (aggravates: higher,
//     lower, true, false) in its aggravating direction never lowers the
//     penalty: the fine no higher at both ends and lower at one, a fine
//     gone, or a milder outcome (ranges that cross, which the engine flags
//     for review under arts. 29 and 37, have no order);
//   - factors: making an aggravating factor apply never lowers the range,
//     making a mitigating one apply never raises it;
//   - minors: a party aged 14–17 at the act is never decided general or
//     heavier (art. 30); one under 14 is never penalised;
//   - art29: one act under several provisions never yields more than the
//     highest single provision;
//   - determinism: equal cases give byte-identical decisions and traces,
//     also when decided concurrently.
//
// A failing property is shrunk to a small counterexample, which is reported
// as Case JSON that `jizhun decide --case` accepts (and written to a file
// when [Config.OutDir] is set). Use [Test] from a `go test` of your own:
//
//	func TestMyCatalog(t *testing.T) {
//		cat, err := catalog.LoadFile("catalog.yaml")
//		if err != nil {
//			t.Fatal(err)
//		}
//		eng, err := discretion.Compile(cat)
//		if err != nil {
//			t.Fatal(err)
//		}
//		fuzz.Test(t, eng, fuzz.Config{Cases: 300})
//	}
//
// `jizhun check --properties N FILE` runs the same properties from the
// command line.
//
// # Fuzz targets
//
// FuzzLoad feeds arbitrary bytes to the catalog loader, the engine's
// compiler and the consistency checks; FuzzDecide feeds arbitrary case JSON
// to Decide against the example catalog. Neither may panic or hang, and
// every failure must be a typed error (catalog.Diagnostics,
// *discretion.CaseError, *discretion.GapError,
// *discretion.AmbiguousGradeError). Seed corpora live in
// testdata/fuzz/<Target>/ and replay in every `go test`; scripts/fuzz-ci.sh
// fuzzes each target for a short fixed time.
package fuzz
