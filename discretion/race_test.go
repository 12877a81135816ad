//go:build race

package discretion_test

// raceEnabled is set when the tests run under the race detector, which
// changes allocation counts (sync.Pool drops what it is given at random).
const raceEnabled = true
