//go:build cgo

package difftest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// pyDriver runs every case's English program, its checking variant and
// its fallback module, and prints one JSON line per call (pydriver.py).
//
//go:embed pydriver.py
var pyDriver string

// pyResult is one call's outcomes on the Python side.
type pyResult struct {
	CPy    outcome  `json:"cpy"` // the oracle: CPython on the English program
	Chk    outcome  `json:"chk"` // the checking variant (must be CPy)
	Fb     outcome  `json:"fb"`  // the fallback module
	Events []string `json:"ev"`  // the checking variant's events (pycheck.py)
}

// runPython runs all cases in one python3 process.
func runPython(t testing.TB, py string, cases []*compiled) [][]pyResult {
	type pyArg struct {
		T string `json:"t"`
		V any    `json:"v"`
	}
	type pyCase struct {
		English string    `json:"english"`
		Checked string    `json:"checked"`
		Python  string    `json:"python"`
		Name    string    `json:"name"`
		Inputs  [][]pyArg `json:"inputs"`
	}
	var in []pyCase
	for _, c := range cases {
		pc := pyCase{English: c.english, Checked: c.checked, Python: c.python, Name: c.name}
		for _, args := range c.inputs {
			var row []pyArg
			for _, a := range args {
				switch a := a.(type) {
				case float64:
					row = append(row, pyArg{"f", math.Float64bits(a)})
				case int32:
					row = append(row, pyArg{"b", a})
				default:
					row = append(row, pyArg{"i", a})
				}
			}
			pc.Inputs = append(pc.Inputs, row)
		}
		in = append(in, pc)
	}
	dir := t.TempDir()
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	casesPath := filepath.Join(dir, "cases.json")
	driverPath := filepath.Join(dir, "driver.py")
	preludePath := filepath.Join(dir, "pycheck.py")
	for path, text := range map[string][]byte{casesPath: data, driverPath: []byte(pyDriver), preludePath: []byte(CheckPrelude)} {
		if err := os.WriteFile(path, text, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(py, driverPath, preludePath, casesPath)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	res := make([][]pyResult, len(cases))
	for i, c := range cases {
		for range c.inputs {
			var r pyResult
			if err := dec.Decode(&r); err != nil {
				t.Fatalf("python output: %v", err)
			}
			res[i] = append(res[i], r)
		}
	}
	return res
}
