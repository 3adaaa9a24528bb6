package wasmgen

import (
	"flag"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

var update = flag.Bool("update", false, "rewrite the golden .wat files in testdata")

// testdataModules parses, checks and generates (optimized) every
// testdata/<name>.<lang>.ml.
func testdataModules(t *testing.T) map[string]*wasmbin.Module {
	t.Helper()
	return testdataModulesWith(t, Options{Optimize: true})
}

// testdataModulesWith is testdataModules with the given options.
func testdataModulesWith(t *testing.T, opt Options) map[string]*wasmbin.Module {
	t.Helper()
	files, err := filepath.Glob("testdata/*.ml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	out := make(map[string]*wasmbin.Module)
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.Split(filepath.Base(path), ".")
		l, ok := lang.Get(parts[len(parts)-2])
		if !ok {
			t.Fatalf("%s: name it <name>.<lang>.ml", path)
		}
		f, errs := parser.ParseFile(path, string(src), l)
		if len(errs) > 0 {
			t.Fatalf("%v", errs)
		}
		info, errs := check.CheckSource(f, string(src), l)
		if len(errs) > 0 {
			t.Fatalf("%v", errs)
		}
		m, err := Generate(f, info, opt)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[path] = m
	}
	return out
}

func TestGoldenWAT(t *testing.T) {
	for path, m := range testdataModules(t) {
		golden := strings.TrimSuffix(path, ".ml") + ".wat"
		got := m.WAT()
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./core/wasmgen -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; run go test ./core/wasmgen -update and review the diff", path, golden)
		}
	}
}
