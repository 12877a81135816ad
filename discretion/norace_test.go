//go:build !race

package discretion_test

const raceEnabled = false
