package plan

import (
	"fmt"
	"strings"
)

// A Pass is one optimization of the generator. Each is exact: the module
// computes what Python computes, or traps where the unoptimized module
// traps (and the call re-runs in Python), with or without it. Each can be
// switched off on its own (wasmgen's Options.Disable, `multilingual wat
// --disable=NAME`), which is how the tests check that every pass is
// optional and how a suspected pass is ruled out.
type Pass uint32

// The passes, in the order of the registry.
const (
	PassFold Pass = 1 << iota
	PassDeadCode
	PassGuards
	PassStrAppend
	PassHoist
	PassVersion
	PassTailCall
	PassLeafGuard
	PassSpecialize
	PassSelfInline
	PassFDiv
	PassBranches
	PassCondFacts
	PassCounters
	PassCSE
	PassConstPow
	PassStrChars
	PassCarried
	PassMulConst
	PassWrapMod
	PassIVPtr
	PassPolyHash
	PassListLoops
	PassElems
	PassWhileRange
	PassUnroll
	PassRowData
	PassRowHoist
)

// A PassInfo describes one pass of the registry.
type PassInfo struct {
	Pass Pass
	Name string // as --disable spells it
	Doc  string // what it does, and why it is exact
}

// Passes is the registry: every pass with its name and what it does.
var Passes = []PassInfo{
	{PassFold, "fold", "emits the value of constant arithmetic that cannot trap instead of " +
		"computing it (plan/fold.go: only operations whose exact result fits are folded)"},
	{PassDeadCode, "deadcode", "drops the statements after one that cannot fall through " +
		"(return, break, continue): they never run"},
	{PassGuards, "guards", "after `if n < c: return ...`, knows an int parameter that nothing " +
		"assigns is >= c for the rest of the block, which drops overflow checks (plan/guards.go)"},
	{PassStrAppend, "strappend", "appends in place to a str local that `s = s + x` extends and " +
		"that no one else holds (strappend.go: the object is copied once its address escapes)"},
	{PassHoist, "hoist", "loads the length and data of a list once before a loop that cannot " +
		"change its header (hoist.go: no assignment of the list, no method or compiled call)"},
	{PassVersion, "version", "emits an innermost range loop twice behind one test that proves " +
		"its bounds checks, products and accumulators safe in the first copy (version.go)"},
	{PassTailCall, "tailcall", "turns `return X + f(args)` of an int function into a loop with an " +
		"accumulator (tailcall.go: the same integers added in another order; overflow traps)"},
	{PassLeafGuard, "leafguard", "evaluates the leading `if C: return E` of a recursive function " +
		"at each call, calling only when it does not return (leafguard.go: same expressions, same order)"},
	{PassSpecialize, "specialize", "adds a copy of a recursive int function for arguments >= 0, " +
		"kept when an interval analysis proves its results >= 0 (specialize.go)"},
	{PassSelfInline, "selfinline", "replaces the call a tail-call loop makes of its own function, " +
		"when the leading guard does not return, by a copy of that loop, up to two levels deep " +
		"(selfinline.go: the callee's instructions on its own locals)"},
	{PassFDiv, "fdiv", "computes int // and % through f64 (exact, no correction needed) when both operands " +
		"are proved in [0, 2**53), the divisor >= 1 (fdiv.go has the proof; versioned loops test bounds)"},
	{PassBranches, "branches", "lowers the and/or/not and comparisons of a condition that is only " +
		"tested to branches, never building its 0/1 (branches.go: same operands, same order)"},
	{PassCondFacts, "condfacts", "knows in the body of `while k < n` (or an if) that k <= hi(n) - 1 " +
		"until k is assigned, which drops overflow checks (condfacts.go)"},
	{PassCounters, "counters", "gives an int local assigned only by simple statements and range loops the interval " +
		"of all its assignments (plan/counters.go: an inductive invariant found by widening)"},
	{PassCSE, "cse", "computes a repeated pure subexpression once per stretch of straight-line code " +
		"where its operands are not assigned, keeping it in a local (cse.go)"},
	{PassConstPow, "constpow", "emits the value of a constant `a ** b` that cannot overflow instead of " +
		"calling the power helper (plan/fold.go computes it exactly; a base pass)"},
	{PassStrChars, "strchars", "iterates `for c in s` over code points decoded inline when c is only " +
		"read as ord(c), building no one-character string (strloop.go)"},
	{PassCarried, "carried", "knows an int local whose every assignment lands in one interval, " +
		"whatever its previous value there, is in that interval (plan/loopcarried.go)"},
	{PassMulConst, "mulconst", "checks `x * k` for a constant k by comparing x with MIN/k and MAX/k " +
		"instead of dividing, and computes float `2.0 * x` as x + x (mulconst.go)"},
	{PassWrapMod, "wrapmod", "computes `E % 2**k` and `E & (2**k - 1)` of + - * & | ^ in wrapping " +
		"i32 or i64 arithmetic without overflow checks: the residue depends only on the operands' (wrapmod.go)"},
	{PassIVPtr, "ivptr", "runs the fast copy of a versioned loop whose variable only indexes proven lists on " +
		"i32 element pointers advanced by the step, not on the counter (plan/ivptr.go has the proof)"},
	{PassPolyHash, "polyhash", "runs `for c in s: h = (h*K + g(ord(c))) % 2**w` over eight ASCII bytes per step " +
		"when it can: h*K**8 plus a combination of the eight computed off the chain, exact modulo 2**w (polyhash.go)"},
	{PassListLoops, "listloops", "reads the length of a list once in `for x in lst` when the loop cannot " +
		"change a list header, chunking its interrupt checks, and drops the bounds checks of L[i] under " +
		"i < len(L) (plan/listloops.go)"},
	{PassElems, "elems", "knows the elements of a list local that only the function can reach lie in the " +
		"hull of the values it stores into it, which drops overflow checks (plan/elems.go)"},
	{PassWhileRange, "whilerange", "runs `while i < E: ...; i += c`, when nothing else changes i or E, like a " +
		"range loop: interruption checks once per chunk, sums in a fast copy (plan/whilerange.go)"},
	{PassUnroll, "unroll", "writes the turn of a small innermost loop over a list or counting while loop twice " +
		"inside each chunk of iterations, each copy behind the same exit test (plan/unroll.go)"},
	{PassRowData, "rowdata", "keeps the data pointers of the rows of a list of lists in a table while a loop " +
		"that cannot change them runs, so that the fast copy reads L[k][j] with one load less (plan/rowdata.go)"},
	{PassRowHoist, "rowhoist", "reads the row L[i] once before the fast copy of an innermost loop over k that reads " +
		"L[i][k] and cannot change it, proving its accesses in bounds like a list's (plan/rowhoist.go)"},
}

// A PassSet is a set of passes.
type PassSet uint32

// AllPasses is every pass of the registry: what Optimize runs.
const AllPasses = PassSet(PassRowHoist<<1 - 1)

// BasePasses are the passes that run without Optimize: the two that were
// part of code generation before passes had switches, kept on so that the
// unoptimized modules stay what they were, and constpow (a constant power
// recomputed in every iteration of a loop is no debugging aid).
const BasePasses = PassSet(PassGuards) | PassSet(PassStrAppend) | PassSet(PassConstPow)

// Has reports whether p is in s.
func (s PassSet) Has(p Pass) bool { return s&PassSet(p) != 0 }

// String lists the names of the passes of s, comma-separated, in the
// order of the registry ("none" for the empty set).
func (s PassSet) String() string {
	var names []string
	for _, p := range Passes {
		if s.Has(p.Pass) {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ",")
}

// PassNames returns the names of the registry, in its order.
func PassNames() []string {
	names := make([]string, len(Passes))
	for i, p := range Passes {
		names[i] = p.Name
	}
	return names
}

// An UnknownPassError reports a pass name that is not in the registry.
type UnknownPassError struct{ Name string }

// Error lists the names that are accepted.
func (e *UnknownPassError) Error() string {
	return fmt.Sprintf("unknown pass %q: the passes are %s", e.Name, strings.Join(PassNames(), ", "))
}

// ParsePasses returns the set of the named passes; each name is one of
// PassNames (surrounding spaces and empty names are ignored, so "a, b,"
// is a and b).
func ParsePasses(names []string) (PassSet, error) {
	var s PassSet
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, p := range Passes {
			if p.Name == n {
				s |= PassSet(p.Pass)
				found = true
			}
		}
		if !found {
			return 0, &UnknownPassError{Name: n}
		}
	}
	return s, nil
}
