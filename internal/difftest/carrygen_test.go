//go:build cgo

package difftest

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestHashShapes checks that the generator keeps producing what the
// strchars, wrapmod and mulconst passes of wasmgen transform, in compiled
// programs, so that TestDifferential covers them: loops over code points,
// wrapping remainders and checked products by a constant.
func TestHashShapes(t *testing.T) {
	const n = 1500
	var chars, wrap, compiled, strOnly int
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).Program()
		src, f, info := checkedEnglish(t, seed, p)
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable && !fn.Internal {
			continue
		}
		m, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		compiled++
		wat := m.WAT()
		if strings.Contains(wat, ".cp i64") {
			chars++
		} else if strings.Contains(src, "ord(c") && strings.Contains(src, " in ") {
			strOnly++
		}
		if strings.Contains(wat, "i32.wrap_i64") && strings.Contains(wat, "i64.extend_i32_u") {
			wrap++
		}
	}
	t.Logf("%d of %d programs compiled: %d loop over code points, %d keep one-character strings, %d wrap a remainder in i32",
		compiled, n, chars, strOnly, wrap)
	if chars < n/100 || strOnly < n/200 || wrap < n/100 {
		t.Errorf("the generator drifted from wasmgen's string and hash passes: %d, %d, %d", chars, strOnly, wrap)
	}
}

// TestHashDifferential is TestDifferential on programs of hash loops only
// (HashProgram), whose results show every accumulator: -difftest.n
// programs from -difftest.seed, half of them optimized.
func TestHashDifferential(t *testing.T) {
	familyDifferential(t, "hash", (*Generator).HashProgram)
}

// TestPolyHashShapes checks that HashProgram keeps producing loops that
// wasmgen's polyhash pass takes (its step over eight bytes has the only
// i64.ctz), with texts long enough to take such steps, so that
// TestHashDifferential covers the pass.
func TestPolyHashShapes(t *testing.T) {
	const n = 1000
	poly := 0
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).HashProgram()
		_, f, info := checkedEnglish(t, seed, p)
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable {
			continue
		}
		m, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if strings.Contains(m.WAT(), "i64.ctz") {
			poly++
		}
	}
	t.Logf("%d of %d hash programs have a loop that polyhash takes", poly, n)
	if poly < n/10 {
		t.Errorf("the generator drifted from wasmgen's polyhash pass: %d of %d programs", poly, n)
	}
}
