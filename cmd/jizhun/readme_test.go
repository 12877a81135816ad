package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// readmeCommands reads the Commands table of README.md: the text of the
// rows of each command, by name (a command may have several rows).
func readmeCommands(t *testing.T) (rows map[string]string, readme string) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme = string(data)
	_, section, ok := strings.Cut(readme, "\n## Commands\n")
	if !ok {
		t.Fatal("README.md has no ## Commands section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile("(?m)^\\| `jizhun ([a-z]+)[^`]*`.*$")
	rows = map[string]string{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		rows[m[1]] += m[0] + "\n"
	}
	return rows, readme
}

// TestReadmeListsEveryCommandAndFlag: the README's table of commands, held
// against the commands themselves, as `jizhun help` lists them: every
// command has a row, and its rows name every flag of the command and every
// subcommand.
func TestReadmeListsEveryCommandAndFlag(t *testing.T) {
	rows, readme := readmeCommands(t)
	root := newRootCommand(&env{})
	listed := 0
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() && c.Name() != "help" {
			continue
		}
		listed++
		text, ok := rows[c.Name()]
		if !ok {
			t.Errorf("README.md: the table of commands has no row for jizhun %s (%s)", c.Name(), c.Short)
			continue
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Name == "help" {
				return
			}
			if !strings.Contains(text, "--"+f.Name) {
				t.Errorf("README.md: the row of jizhun %s does not name its flag --%s (%s)", c.Name(), f.Name, f.Usage)
			}
		})
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !strings.Contains(text, sub.Name()) {
				t.Errorf("README.md: the row of jizhun %s does not name %s", c.Name(), sub.Name())
			}
		}
	}
	for name := range rows {
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("README.md: the table of commands has a row for jizhun %s, which is not a command", name)
		}
	}
	if listed < 10 {
		t.Fatalf("only %d commands found", listed)
	}
	// The flags of jizhun itself (--lang, --version) are global.
	for _, fs := range []*pflag.FlagSet{root.LocalFlags(), root.PersistentFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && f.Name != "help" && !strings.Contains(readme, "`--"+f.Name) {
				t.Errorf("README.md does not name the global flag --%s", f.Name)
			}
		})
	}
}
