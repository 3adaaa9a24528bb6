//go:build cgo

package difftest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The rules of the comparison, for each call:
//
//   - values are equal when ints are equal, bools are equal, floats have the
//     same bits (so -0.0 != 0.0) or are both nan, strs have the same code
//     points (compared as their UTF-8 bytes, lone surrogates encoded like
//     other code points as in Python's "surrogatepass", and their length);
//     exceptions are equal when their types are;
//   - the oracle is CPython running the English program (cpy); a call it
//     could not finish in time proves nothing and is skipped;
//   - the checking variant must have cpy's outcome (else the harness
//     itself is wrong), and so must the fallback module, value or
//     exception: it is what the AUTO backend re-runs;
//   - WebAssembly must have cpy's outcome too, or refuse the call (ask for
//     a re-run in Python) for a reason that CPython's run shows:
//
//     refusal            justified by (pycheck.py's events)
//     overflow           "wide": some int value of the program (any
//                        expression, augmented assignment or partial sum
//                        of sum()) left [-2**63, 2**63-1]; or CPython
//                        raised OverflowError (int() or round() of an
//                        infinite float, a float ** that overflows, chr()
//                        beyond a C int), which the re-run raises too
//     unsupported        "bigdiv" (int / int of an operand beyond 2**53),
//                        "negexp" (int ** a negative int), "zeropow"
//                        (0.0 ** a negative number), "complex" (a power
//                        whose value is complex), or "nanin" (a nan needle
//                        meeting a nan element), "raise" (a raise
//                        statement ran), "inttext" (int() of a str that
//                        is not decimal ASCII text within 64 bits), or
//                        "case" (lower() or upper() of text with ß, ŉ,
//                        İ or a character of a block with case mappings)
//     memory             nothing: generated programs build lists and strs
//                        of a few elements
//
//     Events are recorded per call, whatever the point of the program
//     where they happen. Any other WebAssembly outcome (a wrong value, a
//     refusal nothing justifies, a trap where CPython returned, an
//     unexpected trap kind, a call out of fuel while CPython ended in
//     time) is a failure.

// justifiedBy lists, for each refusal, the events that justify it.
var justifiedBy = map[string][]string{
	refuseOverflow:    {"wide"},
	refuseUnsupported: {"bigdiv", "negexp", "zeropow", "complex", "nanin", "raise", "inttext", "case"},
	refuseMemory:      nil,
}

// A kind of verdict on a call that agreed.
type verdictKind int

const (
	sameValue      verdictKind = iota // WebAssembly and CPython returned the same value
	sameException                     // both raised the same exception
	refusedValue                      // a justified refusal where CPython returned a value
	refusedRaise                      // a justified refusal where CPython raised
	skippedTimeout                    // CPython did not finish in time
	nVerdictKinds
)

// verdict compares one call's outcomes; a non-empty problem is a failure.
func verdict(w outcome, r pyResult) (verdictKind, string) {
	if r.CPy.Exc == "timeout" {
		return skippedTimeout, ""
	}
	if strings.HasPrefix(r.CPy.Exc, "oracle error") || strings.HasPrefix(r.Chk.Exc, "oracle error") {
		return 0, fmt.Sprintf("the English program does not run: %s / %s", r.CPy.Exc, r.Chk.Exc)
	}
	if r.Chk != r.CPy {
		return 0, fmt.Sprintf("the checking variant gives %+v where the English program gives %+v", r.Chk, r.CPy)
	}
	if r.Fb != r.CPy && r.Fb.Exc != "timeout" {
		return 0, fmt.Sprintf("the fallback gives %+v where CPython gives %+v", r.Fb, r.CPy)
	}
	if why, ok := justifiedBy[w.Exc]; ok {
		if slices.ContainsFunc(r.Events, func(e string) bool { return slices.Contains(why, e) }) ||
			w.Exc == refuseOverflow && r.CPy.Exc == "OverflowError" {
			if r.CPy.Exc == "" {
				return refusedValue, ""
			}
			return refusedRaise, ""
		}
		return 0, fmt.Sprintf("WebAssembly refuses (%s) but CPython's run has no event that justifies it (events %v)", w.Exc, r.Events)
	}
	if w != r.CPy {
		return 0, fmt.Sprintf("WebAssembly gives %+v where CPython gives %+v", w, r.CPy)
	}
	if w.Exc != "" {
		return sameException, ""
	}
	return sameValue, ""
}

// mix counts the calls of a run by verdict, and the refusals by kind.
type mix struct {
	calls    int
	kinds    [nVerdictKinds]int
	refusals map[string]int // justified refusals by outcome, where CPython returned a value
	excs     map[string]int // the exceptions both raised, by type
}

func (m *mix) add(k verdictKind, w outcome) {
	m.calls++
	m.kinds[k]++
	switch k {
	case refusedValue:
		if m.refusals == nil {
			m.refusals = map[string]int{}
		}
		m.refusals[w.Exc]++
	case sameException:
		if m.excs == nil {
			m.excs = map[string]int{}
		}
		m.excs[w.Exc]++
	}
}

// valueShare is the share of the calls that compared two values.
func (m *mix) valueShare() float64 {
	if m.calls == 0 {
		return 0
	}
	return float64(m.kinds[sameValue]) / float64(m.calls)
}

func (m *mix) String() string {
	pct := func(n int) string { return fmt.Sprintf("%d (%.1f%%)", n, 100*float64(n)/float64(max(m.calls, 1))) }
	return fmt.Sprintf("%d calls: compared values %s, same exception %s %v, justified refusals where CPython returned %s %v, where it raised %s, CPython timeouts %s",
		m.calls, pct(m.kinds[sameValue]), pct(m.kinds[sameException]), m.excs, pct(m.kinds[refusedValue]), m.refusals,
		pct(m.kinds[refusedRaise]), pct(m.kinds[skippedTimeout]))
}

// The rules themselves: a refusal needs its own kind of event (or, for an
// overflow, CPython's OverflowError), and the fallback and the checking
// variant must be CPython exactly.
func TestVerdictRules(t *testing.T) {
	v := func(s string) outcome { return outcome{Val: s} }
	e := func(s string) outcome { return outcome{Exc: s} }
	py := func(o outcome, events ...string) pyResult { return pyResult{CPy: o, Chk: o, Fb: o, Events: events} }
	cases := []struct {
		w    outcome
		r    pyResult
		kind verdictKind
		ok   bool
	}{
		{v("i:1"), py(v("i:1")), sameValue, true},
		{v("i:1"), py(v("i:2")), 0, false},
		{e("IndexError"), py(e("IndexError")), sameException, true},
		{e("IndexError"), py(e("ValueError")), 0, false},
		{v("i:0"), py(e("IndexError")), 0, false},
		{e(refuseOverflow), py(v("i:1"), "wide"), refusedValue, true},
		{e(refuseOverflow), py(v("i:1")), 0, false},
		{e(refuseOverflow), py(v("i:1"), "bigdiv"), 0, false},
		{e(refuseOverflow), py(e("OverflowError")), refusedRaise, true},
		{e(refuseOverflow), py(e("ZeroDivisionError")), 0, false},
		{e(refuseOverflow), py(e("ZeroDivisionError"), "wide"), refusedRaise, true},
		{e(refuseUnsupported), py(v("f:0"), "bigdiv"), refusedValue, true},
		{e(refuseUnsupported), py(v("f:0"), "wide"), 0, false},
		{e(refuseUnsupported), py(e("ZeroDivisionError"), "zeropow"), refusedRaise, true},
		{e(refuseUnsupported), py(e("OverflowError")), 0, false},
		{e(refuseMemory), py(v("i:1"), "wide", "bigdiv"), 0, false},
		{e("wasm out of fuel"), py(v("i:1")), 0, false},
		{e("wasm out of fuel"), py(e("timeout")), skippedTimeout, true},
		{v("i:1"), pyResult{CPy: v("i:1"), Chk: v("i:1"), Fb: v("i:2")}, 0, false},
		{v("i:1"), pyResult{CPy: v("i:1"), Chk: v("i:1"), Fb: e("timeout")}, sameValue, true},
		{v("i:1"), pyResult{CPy: v("i:1"), Chk: e("TypeError"), Fb: v("i:1")}, 0, false},
		{v("i:1"), py(e("oracle error: SyntaxError: x")), 0, false},
	}
	for _, c := range cases {
		kind, problem := verdict(c.w, c.r)
		if (problem == "") != c.ok || c.ok && kind != c.kind {
			t.Errorf("verdict(%+v, %+v) = %d %q, want %d ok=%v", c.w, c.r, kind, problem, c.kind, c.ok)
		}
	}
}
