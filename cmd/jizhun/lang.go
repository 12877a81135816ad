package main

import (
	"io"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// language picks the language of diagnostics: --lang VALUE (or
// --lang=VALUE) anywhere among the arguments, which it removes, else the
// locale of the environment (LC_ALL, then LC_MESSAGES, then LANG, as POSIX
// orders them). Chinese unless the choice starts with "en".
func language(args []string, getenv func(string) string) (string, []string) {
	lang := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			lang = v
			break
		}
	}
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case (a == "--lang" || a == "-lang") && i+1 < len(args):
			lang = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			lang = a[strings.IndexByte(a, '=')+1:]
		default:
			rest = append(rest, a)
		}
	}
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return "en", rest
	}
	return "zh", rest
}

// localizedWriter carries the language of diagnostics to printErr along
// with the stream they are printed on.
type localizedWriter struct {
	io.Writer
	lang string
}

// langOf is the language of the stream w: "en" or "zh".
func langOf(w io.Writer) string {
	if lw, ok := w.(localizedWriter); ok {
		return lw.lang
	}
	return "zh"
}

// localizeErr renders a case's errors in the language of the stream they
// go to: the problems of a case (CaseError) and the catalog defects a case
// reveals (GapError, AmbiguousGradeError). Any other error is returned as
// it is.
func localizeErr(w io.Writer, err error) error {
	return discretion.LocalizeError(err, langOf(w))
}

// localize renders diagnostics in the language of the stream they go to.
func localize(w io.Writer, ds catalog.Diagnostics) catalog.Diagnostics {
	if lw, ok := w.(localizedWriter); ok {
		return ds.Localize(lw.lang)
	}
	return ds
}
