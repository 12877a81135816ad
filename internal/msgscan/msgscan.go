// Package msgscan finds the message formats a package writes, for the tests
// that keep every message a bureau reads translated into Chinese (catalog,
// discretion and standards each keep a table of their formats). It reads
// the package's source: a format built at run time escapes a table, so the
// tests want them written as string literals where they are given.
package msgscan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// Format is a format argument found in a call.
type Format struct {
	Pos  token.Position
	Func string // the function called
	Text string // the format, unquoted; empty when Literal is false
	// Literal is false where the argument is not a string literal; Ident
	// then names it when it is a plain identifier (a helper passing its own
	// format on).
	Literal bool
	Ident   string
}

// Scan parses the non-test Go files the globs match and, for every call
// for which formatArg returns an index in range, reports that argument.
func Scan(globs []string, formatArg func(call *ast.CallExpr) int) ([]Format, error) {
	var out []Format
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			return nil, err
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, file, nil, 0)
			if err != nil {
				return nil, err
			}
			var scanErr error
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || scanErr != nil {
					return true
				}
				i := formatArg(call)
				if i < 0 || i >= len(call.Args) {
					return true
				}
				found := Format{Pos: fset.Position(call.Args[i].Pos()), Func: FuncName(call)}
				switch a := call.Args[i].(type) {
				case *ast.BasicLit:
					if a.Kind != token.STRING {
						return true
					}
					found.Text, scanErr = strconv.Unquote(a.Value)
					found.Literal = true
				case *ast.Ident:
					found.Ident = a.Name
				}
				out = append(out, found)
				return true
			})
			if scanErr != nil {
				return nil, scanErr
			}
		}
	}
	return out, nil
}

// FuncName is the name of the function a call calls: f for f(…) and
// x.f(…).
func FuncName(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		return fn.Sel.Name
	}
	return ""
}

// Receiver is the x of a call x.f(…) when x is a plain identifier.
func Receiver(call *ast.CallExpr) string {
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		if x, ok := sel.X.(*ast.Ident); ok {
			return x.Name
		}
	}
	return ""
}

// Problem says what is wrong with zh as the Chinese of format, or "" when
// nothing is: the verbs must match (unless zh reorders them with %[n]), and
// a format with English words must become text with Chinese in it.
func Problem(format, zh string) string {
	if verbs(zh) != verbs(format) && !strings.Contains(zh, "%[") {
		return "differ in verbs"
	}
	if hasLetters(format) && !hasHan(zh) {
		return "the Chinese has no Chinese"
	}
	return ""
}

// verbs counts a format's verbs, ignoring explicit argument indexes.
func verbs(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		n++
	}
	return n
}

// hasLetters reports whether a format has English words, not only verbs.
func hasLetters(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			i++ // the verb's letter
			continue
		}
		if c := format[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
