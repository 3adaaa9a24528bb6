//go:build cgo

package difftest

import (
	"flag"
	"testing"
)

var flagCalls = flag.Int("difftest.calls", 20, "calls per program of TestDifferential")

// minValueShare is the least share of the calls of TestDifferential that
// must compare two values (the rest raise, refuse or time out). The
// loop generators (while counters run to the ends of i64, divisions,
// hash loops) add refusals where CPython returns a big int: the share is
// 64% on 2,000 programs (seed 5000) and 56.9% on the default 300, so the
// floor catches a generator that drifted (most calls refusing or
// raising), not the sampling noise of 300 programs.
const minValueShare = 0.50

// tally counts, over the programs differential compiled, those with a str
// result and those with a specialized recursive helper, the WebAssembly
// calls that returned a str, and the calls of each verdict; first is the
// rank of the first program that disagreed (0 when none did).
type tally struct {
	strProgs, specProgs, strVals int
	inlinedProgs                 int
	constProgs                   int // programs whose f reads module constants inline
	fdivProgs                    int // programs dividing ints through f64
	ivProgs                      int // programs with a loop on element pointers
	mix                          mix
	first                        int
}

// differential runs programs of seeds [first, first+n) and reports
// every disagreement; it returns the number of compiled programs.
func differential(t testing.TB, first uint64, n int) int {
	n, _ = differentialTally(t, first, n)
	return n
}

// batch is the number of programs compiled, run by one python3 process
// and compared at a time (their Wasmtime stores are then dropped).
const batch = 400

// differentialTally is differential that also returns the tally.
func differentialTally(t testing.TB, first uint64, n int) (int, tally) {
	return differentialOf(t, first, n, (*Generator).Program)
}

// differentialOf runs the programs that program makes from seeds
// [first, first+n), batch by batch, against CPython, and reports every
// disagreement; it returns the number of compiled programs and the tally.
func differentialOf(t testing.TB, first uint64, n int, program func(*Generator) *Program) (int, tally) {
	var tl tally
	py := needPython(t)
	built := 0
	for start := first; start < first+uint64(n); start += batch {
		end := min(start+batch, first+uint64(n))
		var cases []*compiled
		for seed := start; seed < end; seed++ {
			p := program(NewGenerator(seed))
			c, ok := build(t, seed, p, seed%2 == 0)
			if !ok {
				continue
			}
			c.index = int(seed-first) + 1
			c.inputs = inputs(p, seed, *flagCalls)
			cases = append(cases, c)
		}
		if len(cases) > 0 {
			compare(t, &tl, cases, runPython(t, py, cases))
		}
		built += len(cases)
	}
	return built, tl
}

// familyDifferential is differentialOf over -difftest.n programs of one
// family from -difftest.seed, which must mostly compile (else the
// generator drifted from the checker) and, over 100 programs or more,
// mostly compare two values.
func familyDifferential(t *testing.T, family string, program func(*Generator) *Program) tally {
	built, tl := differentialOf(t, *flagSeed, *flagN, program)
	t.Logf("%d of %d %s programs compiled; %v", built, *flagN, family, &tl.mix)
	if built < *flagN/2 {
		t.Errorf("only %d of %d %s programs compiled: the generator drifted from the checker", built, *flagN, family)
	}
	if *flagN >= 100 && tl.mix.valueShare() < 0.5 {
		t.Errorf("only %.1f%% of the calls of %s programs compared two values", 100*tl.mix.valueShare(), family)
	}
	return tl
}

// compare runs each case's calls on WebAssembly and judges them against
// the Python side's results, reporting the first disagreement of each
// program.
func compare(t testing.TB, tl *tally, cases []*compiled, results [][]pyResult) {
	for i, c := range cases {
		if c.prog.Result == 's' {
			tl.strProgs++
		}
		if c.specialized {
			tl.specProgs++
		}
		if c.inlined {
			tl.inlinedProgs++
		}
		if c.consts {
			tl.constProgs++
		}
		if c.ivptr {
			tl.ivProgs++
		}
		if c.fdiv {
			tl.fdivProgs++
		}
		for j, args := range c.inputs {
			w := c.runWasm(args)
			if w.Exc == "" && w.Val[0] == 's' {
				tl.strVals++
			}
			r := results[i][j]
			k, problem := verdict(w, r)
			if problem != "" {
				if tl.first == 0 {
					tl.first = c.index
				}
				t.Errorf("program %d, seed %d (%s): f%v: %s\nwasm %+v, CPython %+v, fallback %+v, events %v\n--- %s ---\n%s--- English (the oracle) ---\n%s--- fallback ---\n%s",
					c.index, c.seed, c.lang, args, problem, w, r.CPy, r.Fb, r.Events, c.lang, c.src, c.english, c.python)
				break
			}
			tl.mix.add(k, w)
		}
	}
}

func TestDifferential(t *testing.T) {
	n, tl := differentialTally(t, *flagSeed, *flagN)
	t.Logf("%d of %d programs compiled; %d with a str result, %d with a specialized recursive helper; %d str values",
		n, *flagN, tl.strProgs, tl.specProgs, tl.strVals)
	t.Logf("%v", &tl.mix)
	t.Logf("%d programs read module constants inline, %d divide ints through f64", tl.constProgs, tl.fdivProgs)
	t.Logf("%d programs call a recursive helper through copies of itself", tl.inlinedProgs)
	t.Logf("%d programs run a loop on element pointers", tl.ivProgs)
	if tl.first > 0 {
		t.Errorf("difftest: first disagreement after %d programs", tl.first)
	}
	if len(printFailures) > 0 {
		t.Logf("printed programs that did not read back, by language: %v", printFailures)
	}
	if n < *flagN/4 {
		t.Errorf("only %d of %d generated programs are compilable: the generator drifted from the checker", n, *flagN)
	}
	if *flagN >= 100 && (tl.strProgs < *flagN/10 || tl.strVals == 0) {
		t.Errorf("only %d programs with a str result compiled (%d str values): the generator drifted from the checker", tl.strProgs, tl.strVals)
	}
	if *flagN >= 100 && tl.constProgs == 0 {
		t.Errorf("no compiled program reads a module constant: the generator drifted from the checker")
	}
	if *flagN >= 100 && tl.inlinedProgs == 0 {
		t.Errorf("no program has a self-inlined recursive helper: the generator drifted from wasmgen")
	}
	if *flagN >= 100 && tl.ivProgs == 0 {
		t.Errorf("no program runs a loop on element pointers: the generator drifted from wasmgen's ivptr")
	}
	if *flagN >= 100 && tl.fdivProgs == 0 {
		t.Errorf("no program divides ints through f64: the generator drifted from wasmgen's fdiv")
	}
	if *flagN >= 100 && tl.specProgs == 0 {
		t.Errorf("no program has a specialized recursive helper: the generator drifted from wasmgen")
	}
	if *flagN >= 100 && tl.mix.valueShare() < minValueShare {
		t.Errorf("only %.1f%% of the calls compared two values (at least %.0f%% wanted): the inputs or the generator drifted",
			100*tl.mix.valueShare(), 100*minValueShare)
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
