// Command mutate checks that the differential tests catch real bugs: it
// copies the repository to a temporary directory, applies each of a fixed
// set of small source mutations (mutations.go) alone, runs the differential
// harnesses on the mutated copy, and fails unless every mutation makes at
// least one of them fail. For each mutation it prints which harness caught
// it and after how many programs.
//
//	go run ./tools/mutate [-python PY] [-only name,name] [-n 300] [-keep]
//
// The Go harness is TestDifferential (internal/difftest); "after N
// programs" is the rank of the first generated program that disagreed.
// The Python harness (test_backends_agree of tests/test_differential.py,
// run with -x after building the extension in the copy) runs when -python
// names an interpreter; "after N functions" is the rank of the first
// failing function of tests/programs. Both must pass on the unmutated copy
// first.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	flagPython = flag.String("python", "", "interpreter for the Python harness (none: Go harness only)")
	flagOnly   = flag.String("only", "", "comma-separated mutation names to run (default all)")
	flagN      = flag.Int("n", 300, "programs of TestDifferential")
	flagKeep   = flag.Bool("keep", false, "keep the temporary copy")
)

// skipped are the names the copy leaves out: version control, virtual
// environments, caches and build output.
var skipped = map[string]bool{".git": true, ".venv": true, "build": true, "dist": true, "__pycache__": true,
	".pytest_cache": true, ".hypothesis": true, ".mypy_cache": true, "corpus_build": true, "_native.abi3.so": true}

// extension is the CPython extension the Python harness needs, built in the copy.
const extension = "python/multilingualprogramming/_native.abi3.so"

// A result is what one harness did on one tree.
type result struct {
	ran    bool
	failed bool
	after  string // the rank of the first failing program (or function), when known
	unit   string // "programs" or "functions"
	detail string // the first failure, in a line
	took   time.Duration
}

func (r result) String() string {
	switch {
	case !r.ran:
		return "not run"
	case !r.failed:
		return fmt.Sprintf("passed (%s)", r.took.Round(time.Second))
	}
	return fmt.Sprintf("caught after %s %s (%s)", r.after, r.unit, r.took.Round(time.Second))
}

func main() {
	flag.Parse()
	start := time.Now()
	root, err := repoRoot()
	check(err)
	selected, err := selectMutations(*flagOnly)
	check(err)
	// every pattern must be there exactly once before anything runs
	for _, m := range selected {
		check(m.verify(root))
	}
	tmp, err := os.MkdirTemp("", "mutate-")
	check(err)
	if !*flagKeep {
		defer os.RemoveAll(tmp)
	}
	fmt.Printf("mutate: copying %s to %s\n", root, tmp)
	check(copyTree(root, tmp))
	python := *flagPython
	if python != "" {
		if python, err = exec.LookPath(python); err != nil {
			check(fmt.Errorf("-python: %w", err))
		}
		python, _ = filepath.Abs(python)
	}

	fmt.Println("mutate: baseline (no mutation): both harnesses must pass")
	goBase, pyBase := runHarnesses(tmp, python)
	fmt.Printf("  Go harness: %v\n  Python harness: %v\n", goBase, pyBase)
	if goBase.failed || pyBase.failed {
		fmt.Printf("mutate: the harnesses fail on the unmutated tree: %s%s\n", goBase.detail, pyBase.detail)
		os.Exit(1)
	}

	type row struct {
		m      mutation
		goRes  result
		pyRes  result
		caught bool
	}
	var rows []row
	for _, m := range selected {
		fmt.Printf("mutate: %s: %s\n", m.name, m.what)
		restore, err := m.apply(tmp)
		check(err)
		goRes, pyRes := runHarnesses(tmp, python)
		check(restore())
		fmt.Printf("  Go harness: %v %s\n  Python harness: %v %s\n", goRes, goRes.detail, pyRes, pyRes.detail)
		rows = append(rows, row{m, goRes, pyRes, goRes.failed || pyRes.failed})
	}

	fmt.Printf("\n| mutation | Go harness (TestDifferential, %d programs) | Python harness (test_differential.py) |\n|---|---|---|\n", *flagN)
	missed := 0
	for _, r := range rows {
		fmt.Printf("| %s | %v | %v |\n", r.m.name, r.goRes, r.pyRes)
		if !r.caught {
			missed++
		}
	}
	fmt.Printf("\nmutate: %d mutations, %d caught, in %s\n", len(rows), len(rows)-missed, time.Since(start).Round(time.Second))
	if missed > 0 {
		fmt.Printf("mutate: FAIL: %d mutations were not caught\n", missed)
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(2)
	}
}

// repoRoot is the directory of go.mod above the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

func selectMutations(only string) ([]mutation, error) {
	if only == "" {
		return mutations, nil
	}
	var out []mutation
	for _, name := range strings.Split(only, ",") {
		found := false
		for _, m := range mutations {
			if m.name == name {
				out, found = append(out, m), true
			}
		}
		if !found {
			return nil, fmt.Errorf("no mutation named %q", name)
		}
	}
	return out, nil
}

// verify checks that the mutation's pattern occurs exactly once.
func (m mutation) verify(root string) error {
	data, err := os.ReadFile(filepath.Join(root, m.file))
	if err != nil {
		return fmt.Errorf("%s: %w", m.name, err)
	}
	if n := strings.Count(string(data), m.old); n != 1 {
		return fmt.Errorf("%s: the pattern occurs %d times in %s (want exactly 1): the code moved, update tools/mutate/mutations.go\n%s",
			m.name, n, m.file, m.old)
	}
	return nil
}

// apply writes the mutated file into the tree at root and returns the
// function that restores it.
func (m mutation) apply(root string) (func() error, error) {
	if err := m.verify(root); err != nil {
		return nil, err
	}
	path := filepath.Join(root, m.file)
	orig, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	mutated := strings.Replace(string(orig), m.old, m.new, 1)
	if err := os.WriteFile(path, []byte(mutated), 0o644); err != nil {
		return nil, err
	}
	return func() error { return os.WriteFile(path, orig, 0o644) }, nil
}

// copyTree copies the regular files of src into dst, leaving out skipped.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if rel != "." && skipped[d.Name()] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(path, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// runHarnesses runs the Go harness and, with an interpreter, the Python one.
func runHarnesses(root, python string) (result, result) {
	goRes := runGo(root)
	var pyRes result
	if python != "" {
		pyRes = runPython(root, python)
	}
	return goRes, pyRes
}

var (
	goFirst   = regexp.MustCompile(`difftest: first disagreement after (\d+) programs`)
	goProgram = regexp.MustCompile(`program (\d+), seed \d+ \([a-z]+\): (.*)`)
	goSeed    = regexp.MustCompile(`seed (\d+)[: ]`)
)

// runGo runs TestDifferential in the tree at root.
func runGo(root string) result {
	start := time.Now()
	cmd := exec.Command("go", "test", "-count=1", "-run", "^TestDifferential$", "-v", "./internal/difftest",
		"-args", "-difftest.n="+strconv.Itoa(*flagN))
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	res := result{ran: true, failed: err != nil, took: time.Since(start), unit: "programs"}
	text := string(out)
	if !res.failed {
		return res
	}
	if strings.Contains(text, "[build failed]") || strings.Contains(text, "[setup failed]") {
		check(fmt.Errorf("the Go harness does not build in the mutated tree (a broken mutation):\n%s", tail(text, 40)))
	}
	res.after = "?"
	if m := goFirst.FindStringSubmatch(text); m != nil {
		res.after = m[1]
	} else if m := goSeed.FindStringSubmatch(text); m != nil {
		// a failure before the comparison (the front end rejects a
		// program, or wasmgen writes an invalid module): seeds start at 1
		res.after = m[1]
	}
	if m := goProgram.FindStringSubmatch(text); m != nil {
		res.detail = "— first: " + truncate(m[2], 160)
	} else {
		res.detail = "— " + truncate(firstFailure(text), 160)
	}
	return res
}

var (
	pyFailed = regexp.MustCompile(`FAILED tests/test_differential\.py::(\S+)`)
	pyPassed = regexp.MustCompile(`(\d+) passed`)
)

// runPython builds the extension in the tree at root and runs
// tests/test_differential.py, stopping at the first failure.
func runPython(root, python string) result {
	start := time.Now()
	build := exec.Command("make", extension, "PYTHON="+python)
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		check(fmt.Errorf("the extension does not build in the mutated tree (a broken mutation):\n%s", tail(string(out), 40)))
	}
	cmd := exec.Command(python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-k", "test_backends_agree",
		"tests/test_differential.py")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(root, "python"))
	out, err := cmd.CombinedOutput()
	res := result{ran: true, failed: err != nil, took: time.Since(start), unit: "functions"}
	if !res.failed {
		return res
	}
	text := string(out)
	passed := 0
	if m := pyPassed.FindStringSubmatch(text); m != nil {
		passed, _ = strconv.Atoi(m[1])
	}
	res.after = strconv.Itoa(passed + 1)
	if m := pyFailed.FindStringSubmatch(text); m != nil {
		res.detail = "— first: " + m[1]
	} else {
		res.detail = "— " + truncate(tail(text, 3), 160)
	}
	return res
}

func firstFailure(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "_test.go:") {
			return strings.TrimSpace(line)
		}
	}
	return tail(text, 1)
}

func tail(text string, n int) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func truncate(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
