package langtest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/fallback"
)

// A run is one program to execute: the English original, run by CPython
// as it is, or a rendering's generated Python.
type run struct {
	Key    string `json:"key"`
	Source string `json:"source"`
	// Generated is set for generated modules, which run their top-level
	// actions only when the module global __ml_run__ is true.
	Generated bool `json:"generated"`
}

// driver executes each run as the module __main__ and prints, as JSON,
// what each printed and the exception that escaped it, if any.
const driver = `import contextlib, io, json, sys, types
runs = json.load(open(sys.argv[1], encoding="utf-8"))
out = {}
real_main = sys.modules["__main__"]
for r in runs:
    mod = types.ModuleType("__main__")
    mod.__dict__["__ml_run__"] = r["generated"]
    sys.modules["__main__"] = mod
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(r["source"], r["key"], "exec"), mod.__dict__)
        err = None
    except BaseException as e:
        err = type(e).__name__ + ": " + str(e)
    finally:
        sys.modules["__main__"] = real_main
    out[r["key"]] = {"stdout": buf.getvalue(), "error": err}
json.dump(out, sys.stdout)
`

func python(t *testing.T) string {
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	return p
}

// TestEveryLanguageRunsLikeCPython renders every program of tests/language
// into the 17 languages and checks that each rendering, compiled and run as
// generated Python, prints what CPython prints for the English original.
func TestEveryLanguageRunsLikeCPython(t *testing.T) {
	py := python(t)
	files, err := filepath.Glob("../../tests/language/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in tests/language: %v", err)
	}
	sort.Strings(files)
	var runs []run
	var failures []string
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(file)
		runs = append(runs, run{Key: base + ":cpython", Source: string(src)})
		for _, code := range lang.Codes() {
			l, _ := lang.Get(code)
			rendered, err := Render(base, string(src), code)
			if err != nil {
				t.Fatalf("%s does not parse as English: %v", base, err)
			}
			name := strings.TrimSuffix(base, ".py") + "." + code + ".multi"
			f, errs := parser.ParseFile(name, rendered, l)
			if err := errs.Err(); err != nil {
				failures = append(failures, name+": parse: "+err.Error()+"\n"+rendered)
				continue
			}
			info, errs := check.CheckSource(f, rendered, l)
			if err := errs.Err(); err != nil {
				failures = append(failures, name+": check: "+err.Error())
				continue
			}
			gen, err := fallback.Generate(f, info)
			if err != nil {
				failures = append(failures, name+": generate: "+err.Error())
				continue
			}
			runs = append(runs, run{Key: base + ":" + code, Source: gen, Generated: true})
		}
	}
	results := runAll(t, py, runs)
	for _, r := range runs {
		if !r.Generated {
			continue
		}
		base, code, _ := strings.Cut(r.Key, ":")
		want, got := results[base+":cpython"], results[r.Key]
		if want.Error != nil {
			t.Fatalf("%s fails under CPython: %s", base, *want.Error)
		}
		if got.Stdout != want.Stdout || got.Error != nil {
			msg := base + " in " + code + ": output differs from CPython's"
			if got.Error != nil {
				msg += "; raised " + *got.Error
			}
			msg += "\n--- want\n" + want.Stdout + "--- got\n" + got.Stdout
			failures = append(failures, msg)
		}
	}
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("%d programs x %d languages: %d renderings ran, %d failures", len(files), len(lang.Codes()), len(runs)-len(files), len(failures))
}

type result struct {
	Stdout string  `json:"stdout"`
	Error  *string `json:"error"`
}

// runAll runs every program in one python3 process.
func runAll(t *testing.T, py string, runs []run) map[string]result {
	t.Helper()
	dir := t.TempDir()
	data, err := json.Marshal(runs)
	if err != nil {
		t.Fatal(err)
	}
	runsPath, driverPath := filepath.Join(dir, "runs.json"), filepath.Join(dir, "driver.py")
	if err := os.WriteFile(runsPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(driverPath, []byte(driver), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-E", "-s", "-B", driverPath, runsPath)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python driver failed: %v\n%s", err, stderr.String())
	}
	out := make(map[string]result)
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("driver output: %v\n%s", err, stdout.String())
	}
	return out
}
