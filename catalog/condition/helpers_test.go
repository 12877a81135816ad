package condition_test

import "regexp"

func regexpMatch(rx, s string) bool { return regexp.MustCompile(rx).MatchString(s) }
