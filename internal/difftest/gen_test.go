//go:build cgo

package difftest

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
	"github.com/multilingualprogramming/multilingual/fallback"
	"github.com/multilingualprogramming/multilingual/wasm"
)

// The comparison rules:
//
//   - values are equal when ints are equal, bools are equal, floats have the
//     same bits (so -0.0 != 0.0) or are both nan, strs have the same code
//     points (compared as their UTF-8 bytes, lone surrogates encoded like
//     other code points as in Python's "surrogatepass", and their length);
//   - a ZeroDivision, Index, Value or Assertion trap must match Python
//     raising ZeroDivisionError, IndexError, ValueError or AssertionError;
//   - an Overflow, Unsupported or Memory trap means "re-run in Python" (the
//     AUTO backend does it), so any Python outcome is accepted;
//   - any other wasm outcome (a wrong value, a trap where Python returned,
//     an unexpected trap kind, a call that runs out of fuel while Python
//     ended in time) is a failure.

var (
	flagN    = flag.Int("difftest.n", 300, "number of random programs of TestDifferential")
	flagSeed = flag.Uint64("difftest.seed", 1, "first seed of TestDifferential")
)

// engine meters fuel, so that a call that does not end (a miscompiled loop)
// is reported instead of hanging the test; wasmFuel is the fuel of one call,
// far more than any generated program needs.
var engine = func() *wasmtime.Engine {
	cfg := wasmtime.NewConfig()
	cfg.SetConsumeFuel(true)
	return wasmtime.NewEngineWithConfig(cfg)
}()

const wasmFuel = 1 << 30

var flagStrictPrint = flag.Bool("difftest.strictprint", false, "fail when a printed program does not read back")

// printFailures counts, per language, the programs parser.Print wrote that
// did not parse or check back.
var printFailures = map[string]int{}

// outcome is one call's result, encoded the same way for both backends.
type outcome struct {
	Val string `json:"val,omitempty"` // "i:42", "f:<bits>" or "f:nan", "b:1", "s:<utf-8 hex>:<len>"
	Exc string `json:"exc,omitempty"` // Python exception name, or the trap's
}

// A compiled case: one program in one language, ready on both backends.
type compiled struct {
	seed   uint64
	prog   *Program
	src    string // the program as printed in lang
	lang   string
	python string
	inst   *wasmtime.Instance
	store  *wasmtime.Store
	name   string
	inputs [][]any
	// specialized: the module has a non-negative specialization
	// (wasmgen's specialize.go) of the recursive helper
	specialized bool
}

func needPython(t testing.TB) string {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	return py
}

// build prints p in a language picked from the seed, parses it back,
// checks and compiles it; ok is false when the function is not
// compilable (the checker's choice, which is legitimate).
func build(t testing.TB, seed uint64, p *Program, opt bool) (*compiled, bool) {
	codes := lang.Codes()
	l, _ := lang.Get(codes[seed%uint64(len(codes))])
	src := parser.Print(p.File, l)
	f, errs := parser.ParseFile("gen.ml", src, l)
	if len(errs) == 0 {
		_, errs = check.CheckSource(f, src, l)
	}
	if len(errs) > 0 {
		// parser.Print wrote a program that does not read back: a front-end
		// bug (reported, not ours to fix here); the English form is tested.
		printFailures[l.Code]++
		if *flagStrictPrint {
			t.Errorf("seed %d: printed program does not read back in %s: %v\n%s", seed, l.Code, errs, src)
		}
		l, _ = lang.Get("en")
		src = parser.Print(p.File, l)
		if f, errs = parser.ParseFile("gen.ml", src, l); len(errs) > 0 {
			t.Fatalf("seed %d: %v\n%s", seed, errs, src)
		}
	}
	info, errs := check.CheckSource(f, src, l)
	if len(errs) > 0 {
		t.Fatalf("seed %d: check: %v\n%s", seed, errs, src)
	}
	fn := info.FuncByName["f"]
	if fn == nil || len(info.Funcs) != len(p.File.Body) {
		t.Fatalf("seed %d: %d functions, no f", seed, len(info.Funcs))
	}
	// a function with a str result is Internal: the module exports it
	// under the heap ABI (runWasm reads the result from memory)
	if !fn.Compilable && !(fn.Internal && p.Result == 's') {
		return nil, false
	}
	m, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: opt})
	if err != nil {
		t.Fatalf("seed %d: generate: %v\n%s", seed, err, src)
	}
	mod, err := wasmtime.NewModule(engine, m.Encode())
	if err != nil {
		t.Fatalf("seed %d: invalid module: %v\n%s", seed, err, src)
	}
	store := wasmtime.NewStore(engine)
	inst, err := wasmtime.NewInstance(store, mod, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := wasm.BindHost(store, inst); err != nil {
		t.Fatal(err)
	}
	py, err := fallback.Generate(f, info)
	if err != nil {
		t.Fatalf("seed %d: fallback: %v\n%s", seed, err, src)
	}
	specialized := false
	for _, mf := range m.Funcs {
		specialized = specialized || strings.HasSuffix(mf.Name, ".nonneg")
	}
	return &compiled{seed: seed, prog: p, src: src, lang: l.Code, python: py, inst: inst, store: store, name: fn.Name,
		specialized: specialized}, true
}

var (
	intInputs   = []int64{0, 1, -1, 2, -2, 3, -7, 1 << 31, -(1 << 31), 1 << 32, 3037000499, -3037000500, 1 << 53, math.MaxInt64, math.MinInt64}
	floatInputs = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3, 1e308, -1e308, 5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 9007199254740993, 1e19, 0.1}
)

// inputs returns n argument tuples for p, from the edge values.
func inputs(p *Program, seed uint64, n int) [][]any {
	var out [][]any
	s := seed
	next := func(k int) int {
		s = s*6364136223846793005 + 1442695040888963407
		return int((s >> 33) % uint64(k))
	}
	for range n {
		var args []any
		for _, t := range p.Params {
			switch t {
			case 'i':
				args = append(args, intInputs[next(len(intInputs))])
			case 'f':
				args = append(args, floatInputs[next(len(floatInputs))])
			default:
				args = append(args, int32(next(2)))
			}
		}
		out = append(out, args)
	}
	return out
}

// runWasm calls the function and encodes its outcome.
func (c *compiled) runWasm(args []any) outcome {
	if err := c.store.SetFuel(wasmFuel); err != nil {
		return outcome{Exc: "wasm error: " + err.Error()}
	}
	if reset := c.inst.GetFunc(c.store, wasmgen.ResetExport); reset != nil {
		if _, err := reset.Call(c.store); err != nil {
			return outcome{Exc: "wasm error: " + err.Error()}
		}
	}
	f := c.inst.GetFunc(c.store, c.name)
	v, err := f.Call(c.store, args...)
	if err == nil {
		if c.prog.Result == 's' {
			addr, ok := v.(int32)
			if !ok {
				return outcome{Exc: fmt.Sprintf("wasm value %T", v)}
			}
			return c.readStr(uint32(addr))
		}
		switch v := v.(type) {
		case int64:
			return outcome{Val: "i:" + strconv.FormatInt(v, 10)}
		case float64:
			return outcome{Val: floatVal(v)}
		case int32:
			return outcome{Val: "b:" + strconv.Itoa(int(v))}
		}
		return outcome{Exc: fmt.Sprintf("wasm value %T", v)}
	}
	var trap *wasmtime.Trap
	if !errors.As(err, &trap) || trap.Code() == nil {
		return outcome{Exc: "wasm error: " + err.Error()}
	}
	switch *trap.Code() {
	case wasmtime.IntegerDivisionByZero:
		return outcome{Exc: "ZeroDivisionError"}
	case wasmtime.IntegerOverflow:
		return outcome{Exc: "rerun"}
	case wasmtime.OutOfFuel:
		return outcome{Exc: "wasm out of fuel"}
	case wasmtime.UnreachableCodeReached:
		code, _ := c.inst.GetFunc(c.store, wasmgen.ErrorExport).Call(c.store)
		switch wasmgen.ErrorCode(code.(int32)) {
		case wasmgen.ErrZeroDivision:
			return outcome{Exc: "ZeroDivisionError"}
		case wasmgen.ErrIndex:
			return outcome{Exc: "IndexError"}
		case wasmgen.ErrValue:
			return outcome{Exc: "ValueError"}
		case wasmgen.ErrAssertion:
			return outcome{Exc: "AssertionError"}
		case wasmgen.ErrType:
			return outcome{Exc: "TypeError"}
		case wasmgen.ErrOverflow, wasmgen.ErrUnsupported, wasmgen.ErrMemory:
			return outcome{Exc: "rerun"}
		}
	}
	return outcome{Exc: "wasm trap: " + err.Error()}
}

// readStr encodes the str object at addr (abi.go: nbytes, count, UTF-8
// bytes) as "s:<hex of the bytes>:<count>"; an object outside the memory
// is a failure.
func (c *compiled) readStr(addr uint32) outcome {
	mem := c.inst.GetExport(c.store, wasmgen.MemoryExport).Memory()
	data := mem.UnsafeData(c.store)
	end := uint64(addr) + wasmgen.StrHeaderSize
	if addr%8 != 0 || end > uint64(len(data)) {
		return outcome{Exc: fmt.Sprintf("wasm str at %d: out of memory or misaligned", addr)}
	}
	nbytes := binary.LittleEndian.Uint32(data[addr+wasmgen.StrLenOffset:])
	count := binary.LittleEndian.Uint32(data[addr+wasmgen.StrCountOffset:])
	if end+uint64(nbytes) > uint64(len(data)) {
		return outcome{Exc: fmt.Sprintf("wasm str at %d: %d bytes beyond the memory", addr, nbytes)}
	}
	text := data[end : end+uint64(nbytes)]
	return outcome{Val: "s:" + hex.EncodeToString(text) + ":" + strconv.FormatUint(uint64(count), 10)}
}

func floatVal(f float64) string {
	if math.IsNaN(f) {
		return "f:nan"
	}
	return "f:" + strconv.FormatUint(math.Float64bits(f), 10)
}

// pyDriver runs every case's module and prints one JSON line per call.
const pyDriver = `
import json, signal, struct, sys
class PyTimeout(BaseException): pass
def alarm(signum, frame): raise PyTimeout()
signal.signal(signal.SIGALRM, alarm)
def enc(v):
    if isinstance(v, bool): return "b:%d" % v
    if isinstance(v, int): return "i:%d" % v
    if isinstance(v, float):
        if v != v: return "f:nan"
        return "f:%d" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if isinstance(v, str): return "s:%s:%d" % (v.encode("utf-8", "surrogatepass").hex(), len(v))
    return "other:" + repr(v)
def arg(a):
    if a["t"] == "f": return struct.unpack("<d", struct.pack("<Q", a["v"]))[0]
    if a["t"] == "b": return bool(a["v"])
    return a["v"]
cases = json.load(open(sys.argv[1]))
for c in cases:
    ns = {}
    exec(compile(c["python"], "case", "exec"), ns)
    fn = ns["__ml_names__"][c["name"]]
    for args in c["inputs"]:
        signal.setitimer(signal.ITIMER_REAL, 2.0)
        try:
            r = {"val": enc(fn(*[arg(a) for a in args]))}
        except PyTimeout:
            r = {"exc": "timeout"}
        except Exception as e:
            r = {"exc": type(e).__name__}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        print(json.dumps(r))
`

// runPython runs all cases in one python3 process.
func runPython(t testing.TB, py string, cases []*compiled) [][]outcome {
	type pyArg struct {
		T string `json:"t"`
		V any    `json:"v"`
	}
	type pyCase struct {
		Python string    `json:"python"`
		Name   string    `json:"name"`
		Inputs [][]pyArg `json:"inputs"`
	}
	var in []pyCase
	for _, c := range cases {
		pc := pyCase{Python: c.python, Name: c.name}
		for _, args := range c.inputs {
			var row []pyArg
			for _, a := range args {
				switch a := a.(type) {
				case int64:
					row = append(row, pyArg{"i", a})
				case float64:
					row = append(row, pyArg{"f", math.Float64bits(a)})
				case int32:
					row = append(row, pyArg{"b", a})
				}
			}
			pc.Inputs = append(pc.Inputs, row)
		}
		in = append(in, pc)
	}
	dir := t.TempDir()
	data, _ := json.Marshal(in)
	casesPath, driverPath := filepath.Join(dir, "cases.json"), filepath.Join(dir, "driver.py")
	if err := os.WriteFile(casesPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(driverPath, []byte(pyDriver), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, driverPath, casesPath)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	res := make([][]outcome, len(cases))
	for i, c := range cases {
		for range c.inputs {
			var o outcome
			if err := dec.Decode(&o); err != nil {
				t.Fatalf("python output: %v", err)
			}
			res[i] = append(res[i], o)
		}
	}
	return res
}

// agree reports whether a wasm outcome is acceptable for a Python one. A
// Python call that ran out of time (an int growing to millions of digits)
// proves nothing and is accepted.
func agree(w, p outcome) bool {
	if w.Exc == "rerun" || p.Exc == "timeout" {
		return true
	}
	return w == p
}

// tally counts, over the programs differential compiled, those with a str
// result and those with a specialized recursive helper, and the
// WebAssembly calls that returned a str, raised an exception or asked for
// a re-run in Python.
type tally struct {
	strProgs, specProgs, strVals, excs, reruns int
}

// differential runs programs of seeds [first, first+n) and reports
// every disagreement; it returns the number of compiled programs.
func differential(t testing.TB, first uint64, n int) int {
	n, _ = differentialTally(t, first, n)
	return n
}

// differentialTally is differential that also returns the tally.
func differentialTally(t testing.TB, first uint64, n int) (int, tally) {
	var tl tally
	py := needPython(t)
	var cases []*compiled
	for seed := first; seed < first+uint64(n); seed++ {
		p := NewGenerator(seed).Program()
		c, ok := build(t, seed, p, seed%2 == 0)
		if !ok {
			continue
		}
		c.inputs = inputs(p, seed, 12)
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		return 0, tl
	}
	results := runPython(t, py, cases)
	for i, c := range cases {
		if c.prog.Result == 's' {
			tl.strProgs++
		}
		if c.specialized {
			tl.specProgs++
		}
		for j, args := range c.inputs {
			w := c.runWasm(args)
			switch {
			case w.Exc == "rerun":
				tl.reruns++
			case w.Exc != "":
				tl.excs++
			case w.Val[0] == 's':
				tl.strVals++
			}
			if p := results[i][j]; !agree(w, p) {
				t.Errorf("seed %d (%s): f%v: wasm %+v, python %+v\n%s\n--- python ---\n%s", c.seed, c.lang, args, w, p, c.src, c.python)
				break
			}
		}
	}
	return len(cases), tl
}

func TestDifferential(t *testing.T) {
	n, tl := differentialTally(t, *flagSeed, *flagN)
	t.Logf("%d of %d programs compiled and agreed; %d with a str result, %d with a specialized recursive helper; calls: %d str values, %d exceptions, %d re-runs",
		n, *flagN, tl.strProgs, tl.specProgs, tl.strVals, tl.excs, tl.reruns)
	if len(printFailures) > 0 {
		t.Logf("printed programs that did not read back, by language: %v", printFailures)
	}
	if n < *flagN/4 {
		t.Errorf("only %d of %d generated programs are compilable: the generator drifted from the checker", n, *flagN)
	}
	if *flagN >= 100 && (tl.strProgs < *flagN/10 || tl.strVals == 0) {
		t.Errorf("only %d programs with a str result compiled (%d str values): the generator drifted from the checker", tl.strProgs, tl.strVals)
	}
	if *flagN >= 100 && tl.specProgs == 0 {
		t.Errorf("no program has a specialized recursive helper: the generator drifted from wasmgen")
	}
}

// FuzzDifferential runs the differential test on one generated program per
// seed (`go test -fuzz=FuzzDifferential ./internal/difftest`).
func FuzzDifferential(f *testing.F) {
	for s := range uint64(8) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		differential(t, seed, 1)
	})
}
