package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// env is what one run of the command line reads and writes. Every command
// is built around one, so that tests run commands in-process and nothing is
// shared between runs.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	// lang is the persistent --lang flag: the language of diagnostics, "zh"
	// or "en"; empty means the default (Chinese, or the environment's
	// locale once the catalog side reads it). Commands read it here and pass
	// it to the packages that word diagnostics.
	lang string
}

// exitError carries a command's exit status out of cobra. Any other error a
// command returns is a usage error (exit 2).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// status turns a command's exit status into the error its RunE returns.
func status(code int) error {
	if code == exitOK {
		return nil
	}
	return exitError{code}
}

// errBinaryOnTerminal refuses binary output (XLSX) to a terminal, where it
// would only garble the screen.
var errBinaryOnTerminal = usageErrorf("xlsx is binary and is not written to a terminal: name a file with --out, or redirect standard output (xlsx 是二进制文件，请用 --out 指定文件或重定向输出)")

// usageErrorf is a misuse of the command line, reported with the usage of
// the command and exit status 2.
func usageErrorf(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

// execute builds the command tree for e and runs args through it.
func execute(args []string, e *env) int {
	root := newRootCommand(e)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ex exitError
	if errors.As(err, &ex) {
		return ex.code
	}
	reportUsage(cmd, e, err)
	return exitUsage
}

// reportUsage prints a usage error: as JSON on stdout when the command was
// asked for JSON (--format json read before the error), else on stderr with
// the command's usage line.
func reportUsage(cmd *cobra.Command, e *env, err error) {
	if f := cmd.Flags().Lookup("format"); f != nil && f.Value.String() == "json" {
		writeErrorsJSON(e.stdout, []jsonError{{Code: "usage", Message: err.Error()}})
		return
	}
	fmt.Fprintf(e.stderr, "%s: %s\n", cmd.CommandPath(), strings.TrimRight(err.Error(), "\n"))
	if !cmd.HasParent() {
		io.WriteString(e.stderr, cmd.UsageString())
		return
	}
	fmt.Fprintf(e.stderr, "usage: %s\n运行 %s --help 查看用法和示例 (run it for help and examples)\n", cmd.UseLine(), cmd.CommandPath())
}

// newRootCommand is `jizhun` with every command under it.
func newRootCommand(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "jizhun",
		Short: "可执行的行政处罚裁量基准 (executable discretion standards)",
		Long: `jizhun 让行政处罚裁量基准可以执行：基准写在 YAML 文件里，jizhun 严格加载、
检查其一致性，对案件作出裁量并给出说理，生成公开的裁量基准表，复核已办案卷。

jizhun makes administrative-penalty discretion standards executable: it loads
catalogs strictly, checks them, decides cases with reasons, publishes the
tables and audits past records.

退出状态 (exit status), 各命令相同:
  0  成功：有效、已裁量（不予处罚也是裁量结果）、未发现缺陷
  1  输入无效：基准文件、案件、测试文件、映射或案卷无法读取或不合规
  2  用法错误：未知命令或选项，参数缺少或多余
  3  发现缺陷：validate/check 的错误、测试未通过、评查发现问题、replay 结果不同
  同时有无效输入和缺陷时为 1。`,
		Example: `  jizhun decide --case examples/county/cases/road_occupy_repeat.json
  jizhun validate examples/county/catalog.yaml
  jizhun test examples/county --coverage
  jizhun help decide`,
		Version: versionText(),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErrorf("name a command")
		},
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			switch e.lang {
			case "", "zh", "en":
				return nil
			}
			return usageErrorf("--lang must be zh or en, not %q", e.lang)
		},
	}
	// Set before cobra's own commands are made: the completion command
	// keeps the writer it finds then.
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetVersionTemplate("{{.Version}}")
	root.SetUsageTemplate(usageTemplate)
	root.Flags().BoolP("version", "v", false, "显示版本 (print the version)")
	root.PersistentFlags().BoolP("help", "h", false, "显示帮助 (help)")
	root.PersistentFlags().StringVar(&e.lang, "lang", "", "诊断信息的语言：zh 或 en (language of diagnostics)")
	root.RegisterFlagCompletionFunc("lang", fixedCompletion("zh", "en"))
	root.AddCommand(
		newDecideCommand(e),
		newValidateCommand(e),
		newCheckCommand(e),
		newTestCommand(e),
		newTableCommand(e),
		newDiffCommand(e),
		newSchemaCommand(e),
		newAuditCommand(e),
		newServeCommand(e),
		newReplayCommand(e),
		newVersionCommand(),
	)
	// cobra's own commands, worded like the others.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "显示命令的说明和示例 (help about a command)"
			c.Long = "显示命令的说明、选项和示例；jizhun COMMAND --help 相同。\n\nShows the help of a command: what it does, its flags and examples."
			c.Example = "  jizhun help decide\n  jizhun decide --help"
			// Help about a command that does not exist is a usage error,
			// not help.
			show := c.Run
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if _, _, err := root.Find(args); err != nil {
					return err
				}
				show(cmd, args)
				return nil
			}
		case "completion":
			c.Short = "生成命令行补全脚本 (shell completion: bash, zsh, fish, powershell)"
			c.Long = `生成 bash、zsh、fish 或 powershell 的补全脚本：按 Tab 补全命令、选项、
选项的取值（如 --format）和文件名。各 shell 的安装方法见 jizhun completion SHELL --help。

Generates the completion script of a shell; jizhun completion SHELL --help
says how to install it.`
			c.Example = `  source <(jizhun completion bash)
  jizhun completion bash > /etc/bash_completion.d/jizhun
  jizhun completion zsh > "${fpath[1]}/_jizhun"
  jizhun completion fish > ~/.config/fish/completions/jizhun.fish
  jizhun completion powershell | Out-String | Invoke-Expression`
		}
	}
	return root
}

// usageTemplate is cobra's usage text with bilingual headings.
const usageTemplate = `用法 Usage:{{if and .Runnable .HasParent}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} COMMAND{{end}}{{if .HasExample}}

示例 Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令 Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项 Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项 Global flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} help COMMAND" 查看命令的说明和示例。
{{end}}
`

// newVersionCommand is `jizhun version`, the same text as `jizhun --version`.
func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "显示版本、提交和 Go 版本 (print the version)",
		Example: "  jizhun version\n  jizhun --version",
		RunE: func(cmd *cobra.Command, args []string) error {
			io.WriteString(cmd.OutOrStdout(), versionText())
			return nil
		},
	}
}

// versionText is the version of this build: the release version (main.version)
// or the module version, the commit it was built from, and the Go toolchain.
func versionText() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(version, bi)
}

// formatVersion words the version of a build from the release version
// (empty: the module version) and the build information (nil: unknown).
func formatVersion(release string, bi *debug.BuildInfo) string {
	v, commit := release, ""
	if bi != nil {
		if v == "" {
			v = bi.Main.Version
		}
		var rev, when, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = " " + s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = "，有未提交的修改 (modified)"
				}
			}
		}
		if rev != "" {
			commit = "commit " + rev + when + modified + "\n"
		}
	}
	if v == "" {
		v = "(unknown)"
	}
	return fmt.Sprintf("jizhun %s\n%s%s %s/%s\n", v, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// Positional-argument rules, with the messages of a usage error.

func argsAtLeast(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErrorf("%s", msg)
		}
		return nil
	}
}

func argsExactly(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s", msg)
		}
		return nil
	}
}

func argsNone(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("unexpected argument %q", args[0])
	}
	return nil
}

// oneOf checks the value of a flag with a fixed set of values.
func oneOf(flag, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	list := strings.Join(allowed[:len(allowed)-1], ", ") + " or " + allowed[len(allowed)-1]
	return usageErrorf("--%s must be %s, not %q", flag, list, value)
}

// fixedCompletion completes a flag with fixed values.
func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// formatFlag defines --format with its allowed values (the first is the
// default) and their shell completion.
func formatFlag(cmd *cobra.Command, p *string, usage string, values ...string) {
	cmd.Flags().StringVar(p, "format", values[0], usage)
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion(values...))
}

// yamlFiles completes positional arguments with catalog files.
func yamlFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
}

// jsonError is one error in JSON output (--format json): a stable code,
// where (a position in a file, or the field of a case) and the message.
type jsonError struct {
	Code    string       `json:"code"`
	Pos     *catalog.Pos `json:"pos,omitempty"`
	Field   string       `json:"field,omitempty"`
	Message string       `json:"message"`
	Hint    string       `json:"hint,omitempty"`
}

// Codes of errors that carry none of their own.
const (
	codeUnreadable  = "file_unreadable"
	codeInvalidCase = "case_invalid"
	codeError       = "error"
)

// jsonErrorsOf lists the problems of err: each diagnostic of a catalog with
// its position, each problem of a case with its field. file names where a
// bare error happened, when known.
func jsonErrorsOf(err error, file string) []jsonError {
	if ds, ok := catalog.AsDiagnostics(err); ok {
		out := make([]jsonError, 0, len(ds))
		for _, d := range ds {
			out = append(out, diagnosticJSON(d))
		}
		return out
	}
	var ce *discretion.CaseError
	if errors.As(err, &ce) {
		out := make([]jsonError, 0, len(ce.Problems))
		for _, p := range ce.Problems {
			out = append(out, jsonError{Code: codeInvalidCase, Field: p.Field, Message: p.Message})
		}
		return out
	}
	je := jsonError{Code: codeError, Message: err.Error()}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		je.Code, file = codeUnreadable, pe.Path
	}
	if file != "" {
		je.Pos = &catalog.Pos{File: file}
	}
	return []jsonError{je}
}

func diagnosticJSON(d *catalog.Diagnostic) jsonError {
	je := jsonError{Code: d.Code, Message: d.Message, Hint: d.Hint}
	if d.Pos.IsValid() || d.Pos.File != "" {
		pos := d.Pos
		je.Pos = &pos
	}
	return je
}

// writeJSON writes v indented, with Chinese and <> unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeErrorsJSON is the JSON output of a command that failed as a whole.
func writeErrorsJSON(w io.Writer, errs []jsonError) error {
	return writeJSON(w, struct {
		Errors []jsonError `json:"errors"`
	}{errs})
}

// worse combines the statuses of the parts of one run (files of validate
// or check): invalid input outranks defects, which outrank success.
func worse(a, b int) int {
	switch {
	case a == exitInvalid || b == exitInvalid:
		return exitInvalid
	case a == exitDefects || b == exitDefects:
		return exitDefects
	}
	return exitOK
}
