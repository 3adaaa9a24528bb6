package fallback

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

var update = flag.Bool("update", false, "rewrite testdata/*.py from the generator's output")

// noRun marks a test program whose top level must not be run (too slow).
const noRun = "# fallback-test: no-run"

// parseCheck parses and checks src read in language code, failing the
// test on any error.
func parseCheck(t *testing.T, name, src, code string) (*ast.File, *check.Info) {
	t.Helper()
	l, ok := lang.Get(code)
	if !ok {
		t.Fatalf("%s: unknown language %q", name, code)
	}
	f, errs := parser.ParseFile(name, src, l)
	if len(errs) > 0 {
		t.Fatalf("parse %s: %v", name, errs)
	}
	info, errs := check.Check(f, l)
	if len(errs) > 0 {
		t.Fatalf("check %s: %v", name, errs)
	}
	return f, info
}

// TestGolden generates testdata/<name>.<lang>.ml and compares with
// <name>.<lang>.py (go test ./fallback -update rewrites them). With Python,
// each module must compile, and its top level, which checks the program's
// results with assert in the program's own language, must print exactly
// <name>.<lang>.out, written by hand.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.ml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, path := range files {
		base := strings.TrimSuffix(filepath.Base(path), ".ml")
		t.Run(base, func(t *testing.T) {
			t.Parallel()
			code := base[strings.LastIndexByte(base, '.')+1:]
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, info := parseCheck(t, filepath.Base(path), string(src), code)
			out, err := Generate(f, info)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".ml") + ".py"
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./fallback -update)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (go test ./fallback -update rewrites it):\n%s", golden, numbered(out))
			}
			compilePython(t, out)
			if strings.Contains(string(src), noRun) {
				return
			}
			got := runMain(t, out)
			wantOut, err := os.ReadFile(strings.TrimSuffix(path, ".ml") + ".out")
			if err != nil {
				t.Fatalf("%v (write the expected output by hand)", err)
			}
			if got != string(wantOut) {
				t.Errorf("the program printed %q, want %q", got, wantOut)
			}
		})
	}
}

// TestSameProgramAllLanguages generates the parser's test program written
// in each of the 17 languages (core/parser/testdata/same) and checks that
// every module's top level prints what Python prints running the English
// original, which is itself a Python program.
func TestSameProgramAllLanguages(t *testing.T) {
	dir := filepath.Join("..", "core", "parser", "testdata", "same")
	files, _ := filepath.Glob(filepath.Join(dir, "*.ml"))
	if len(files) == 0 {
		t.Skip("no core/parser/testdata/same")
	}
	en, err := os.ReadFile(filepath.Join(dir, "en.ml"))
	if err != nil {
		t.Fatal(err)
	}
	want := runPython(t, "", string(en))
	for _, path := range files {
		code := strings.TrimSuffix(filepath.Base(path), ".ml")
		t.Run(code, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, info := parseCheck(t, filepath.Base(path), string(src), code)
			out, err := Generate(f, info)
			if err != nil {
				t.Fatal(err)
			}
			if got := runMain(t, out); got != want {
				t.Errorf("printed %q, want %q", got, want)
			}
		})
	}
}
