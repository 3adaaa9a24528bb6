// Package wasmgen turns checked programs into WebAssembly modules, with its
// own binary encoder (no external library).
//
// The pipeline is: Generate walks the AST of each function that core/check
// marked Compilable and builds a Module, a small model where every function
// body is a list of Instr; Encode writes the binary format section by
// section (section.go, one function per section, each with its spec link),
// and WAT prints the same instructions as WebAssembly text, with the user's
// names, for `multilingual wat`.
//
// Semantics are exactly Python's, or the module traps:
//
//   - int is i64. `+ - *` and unary minus check for overflow and trap with
//     ErrOverflow (the runtime then re-runs the call in Python, which
//     gives the big integer). `//` and `%` floor as Python does; division by
//     zero and MIN // -1 trap natively in i64.div_s / i64.rem_s.
//     `**` uses repeated squaring with the same checks; a negative exponent
//     traps with ErrUnsupported (Python returns a float).
//
//   - float is f64. `/` by zero traps with ErrZeroDivision. int / int is
//     computed in f64 when both operands are at most 2**53 in magnitude
//     (then f64 division is Python's correctly rounded result); otherwise
//     ErrUnsupported.
//
//   - float `//` and `%` follow CPython's float_divmod on an exact fmod
//     (rt/floatops.go); an int compared with a float is compared exactly, as
//     Python does; float `**` sorts out CPython's special cases itself and
//     calls the platform's pow(), the one CPython calls, which the runtime
//     puts in the module's host table (rt/floatpow.go).
//
//   - bool is i32 0 or 1, promoted to i64 in arithmetic.
//
//   - str is the address of an immutable UTF-8 object with its code point
//     count (rt/strings.go, layout in abi.go); literals are static data. A
//     bad index traps with ErrIndex, chr() out of range with ErrValue (or
//     ErrOverflow beyond a C int, as Python), ord() of a string whose
//     length is not 1 with ErrType (TypeError).
//
//   - lists of int, float, bool and lists live in linear memory, managed
//     by an arena that each exported call resets (rt/lists.go, layout and
//     host protocol in abi.go); a bad index traps with ErrIndex, min/max of
//     an empty list with ErrValue, a list beyond 2**28 elements or memory
//     that cannot grow with ErrMemory.
//
//   - `for i in range(a, b, c)` evaluates its bounds once, traps with
//     ErrValue for a zero step, iterates on a hidden counter (assigning the
//     loop variable does not change the iteration) and leaves the loop
//     variable at its last value.
//
//   - An int, float or bool function that falls off its end or runs a bare
//     `return` traps with ErrUnsupported: Python would return None.
//
//   - `raise` traps with ErrUnsupported without evaluating its operands:
//     AUTO re-runs the call in Python, which raises the exception.
//
//   - & | ^ ~ and >> are exact on i64; << traps with ErrOverflow when the
//     result leaves i64, and a negative shift count with ErrValue (bits.go).
//
// The optimizations are named passes with switches (core/wasmgen/plan:
// the registry, plan.Passes; Options.Passes, `multilingual wat
// --disable=NAME`). Their analyses live in package plan, with their
// proofs in its doc comments: they depend only on the tree, the checker's
// Info and facts computed once per function and loop (plan.FactCache),
// and they write their decisions into a plan (plan.Module for the
// module, plan.FuncPlan for each function) before the function is
// lowered. This package is the lowering: it reads the plan, asks the
// analyses of the function it generates (fgen embeds a plan.Func, whose
// interval facts it narrows in guarded blocks and inlined copies), and
// keeps what it has emitted for the enclosing loops in loopState.
//
// Checks are dropped only where they provably cannot fire (plan/ranges.go
// keeps the proofs of the intervals), so the code stays exactly as strict:
//
//   - Value ranges: plan.Func.RangeOf gives every int expression an interval that
//     holds each value it has when it does not trap (literals, bools,
//     len(), checked operations of intervals, and range loop variables
//     that nothing else assigns: start <= i < stop for a positive step).
//     An operation whose result interval lies inside i64 needs no
//     overflow check (i + 1 in range(n): i <= stop - 1 <= MAX - 1).
//   - `x + c` and `x - c` for a constant c test x against MAX - c or
//     MIN - c: one comparison instead of the sign formula.
//   - `a // b` computes the remainder as a - q*b (exact: |q*b| <= |a|)
//     instead of a second division; with b > 0 the floor adjustment is
//     r < 0, and with a >= 0 as well there is none (a // b is then
//     i64.div_s, which cannot trap since b != 0 and b != -1). Likewise
//     `a % b` is i64.rem_s when b > 0 and a >= 0, and r + (b & (r >> 63))
//     when only b > 0 is known. (With a >= 0 and b > 0 the unsigned
//     i64.div_u and i64.rem_u give the same results and are cheaper.)
//   - A range loop whose step is known positive (or negative) drops the
//     zero-step check and the run-time choice of exit test; its advance
//     cur + step is unchecked when (stop - 1) + step cannot overflow.
//   - List indexing is inline: a negative index is normalized without a
//     branch (i + ((i >> 63) & len)), only when the index may be negative;
//     the bounds check is one unsigned comparison against len.
//   - A name assigned only by range loops (j in two loops) lies in the
//     hull of their intervals (plan/ranges.go).
//   - `a + b` with the sign of one operand known is checked with one
//     comparison of the wrapped sum against the other operand (for b >= 0
//     it overflowed iff r < a); likewise `a - b`, and a range advance by a
//     step of known sign (arith.go, stmt.go). `a * b` with both operands
//     non-negative tests (a | b) >> 31 == 0 for the fast path and skips
//     the a == -1 case.
//   - Loop-invariant list headers: before a range or while loop that
//     cannot change a list's header (the list local is not assigned in
//     it, and it makes no method call and no call of a compiled
//     function), the list's length and data pointer are loaded once into
//     locals (plan/hoist.go has the proof).
//   - Versioned loops: an innermost range loop with a positive step that
//     indexes hoisted lists by its own variable is emitted twice, behind
//     one test that start >= 0 and stop <= len of each such list; the first
//     copy drops those bounds checks (plan/version.go). When the loop
//     multiplies its variable by an int local it does not assign, and the
//     magnitudes are at most 2**31, the first copy keeps each such product
//     in a local by addition (strength reduction); an int local that the
//     loop only changes by adding values of small interval (s = s + x % 7)
//     needs no overflow check there when it starts within 2**61 of zero; an
//     access L[k][j] skips its bounds check when the rows the loop visits
//     are known to be longer than j (row lengths cached across the loop
//     nest). When the loop's variable only indexes those lists, the first
//     copy runs on i32 element pointers advanced by the step, tested
//     against the exact end of each chunk (plan/ivptr.go).
//   - Integer division through f64: `a // b` and `a % b` with both
//     operands proved in [0, 2**53) (the divisor >= 1, not a constant)
//     are trunc(f64(a) / f64(b)) and a - q*b, exact with no correction
//     (plan/fdiv.go has the proof); a versioned loop may test its bounds, and
//     int locals it reads, against the bound that makes them provable.
//   - Non-negative specializations: a recursive int function gets a copy
//     compiled under the hypothesis that its int parameters and its own
//     results are >= 0, kept when every value it returns is provably >= 0
//     under that hypothesis; calls whose int arguments are provably >= 0
//     go there, and their results count as >= 0 (plan/specialize.go).
//   - Leading guards of recursive functions (`if n < 2: return n`) with
//     simple conditions and values are evaluated at each call, which
//     calls only when the guard does not return; under the tail call
//     transformation the guard is tested at the bottom of the loop
//     (plan/leafguard.go).
//   - Guards: after `if n < c: return ...`, an int parameter that nothing
//     assigns is known to be >= c for the rest of the block
//     (plan/guards.go).
//   - Loops over code points: `for c in s` whose c is read only by
//     ord(c) decodes each UTF-8 sequence inline into an i64 local (one
//     byte below 0x80), building no one-character string (strloop.go).
//   - Loop-carried intervals: an int local whose every assignment stores
//     a value of one interval I whenever it holds a value of I (h = (h *
//     31 + ord(c)) % 2**32: [0, 2**32)) is in I throughout, since it
//     starts at 0 in I (plan/loopcarried.go); ord() is in [0, 0x10FFFF].
//   - `x * k` for a known k is checked by comparing x with the bounds
//     MIN/k and MAX/k worked out at compile time, not by a division
//     (mulconst.go).
//   - `E % 2**k` and `E & (2**k - 1)` of + - * & | ^ ~ and constant
//     left shifts are computed in wrapping i32 (k <= 32) or i64
//     arithmetic with no overflow check: the residue depends only on the
//     operands' residues (wrapmod.go); a product by 2**n +- 1 is a shift.
//   - A constant int `a ** b` that cannot overflow is folded even without
//     the fold pass (constpow.go).
//   - Additive tail calls: in an int function, `return X + f(args)` adds
//     X to an accumulator and jumps back to the top of the body with the
//     new arguments, as C compilers do for fib (plan/tailcall.go has the
//     proof: the sums are the same integers associated differently, and
//     any overflow traps and re-runs the call in Python).
//   - Self-inlining: in such a loop, the call of the function itself that
//     its leading guard does not answer is replaced by a copy of the
//     loop, up to two levels deep (plan/selfinline.go): the callee's
//     instructions on locals of its own, without the call.
//   - Conditions that are only tested are jumps, never a 0/1
//     (branches.go); in the body of `while k < n` (or an if) k is at
//     most hi(n) - 1 until it is assigned (condfacts.go); an int local
//     that only simple statements assign lies in the interval of its
//     assignments, an inductive invariant (plan/counters.go); a repeated
//     pure expression of a loop's straight-line code whose names are
//     not assigned in between is computed once (cse.go).
//
// List repetition (`[x] * n`) copies the first slots and then doubles
// them with memory.copy (bulk memory, enabled by default in Wasmtime),
// which also moves slots when a list grows or shrinks. A list[bool] has
// one-byte slots (a sieve of n flags takes n bytes), every other list
// eight-byte ones; the list helpers exist once per slot width (_b).
//
// Every deliberate trap stores its ErrorCode in a mutable global just
// before `unreachable`; the exported function __ml_error returns it (see
// abi.go). The module exports memory, __ml_error and each compiled
// function under its source name, and has no start function.
package wasmgen

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/emit"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// Options tune generation: which optimization passes run (passes.go has
// the registry; Options.Passes the set).
type Options struct {
	// Optimize runs every pass (AllPasses); without it only BasePasses
	// run.
	Optimize bool
	// Disable switches passes off (`multilingual wat --disable=NAME`).
	Disable PassSet
}

// errGlobal is the index of the global holding the last ErrorCode.
const errGlobal = emit.ErrGlobal

// gen holds the state of one Generate call.
type gen struct {
	info   *check.Info
	opt    Options
	passes PassSet // opt.Passes()
	mod    *wasmbin.Module
	index  map[*check.Func]uint32 // function index of each compiled function
	// rt builds the runtime helpers the functions call, on demand, and
	// owns the globals and static strings they need (core/wasmgen/rt).
	rt *rt.Runtime
	// plan is what the passes decided about the module (before any
	// function is generated).
	plan *plan.Module
	// consts remembers the constants of the tree (plan.Consts), so that
	// the analyses that ask about every subexpression stay linear.
	consts *plan.Consts
	// facts holds the facts of the functions and loops met so far
	// (plan/facts.go).
	facts *plan.FactCache
	// hasFloatSum is set once the module has its abi.FloatSumExport
	// global, at index floatSumIndex (floatsum.go).
	hasFloatSum   bool
	floatSumIndex uint32
}

// Generate builds the module of the compilable functions of f.
func Generate(f *ast.File, info *check.Info, opt Options) (m *wasmbin.Module, err error) {
	if info == nil {
		return nil, fmt.Errorf("wasmgen: no checker information")
	}
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("wasmgen: %v", r)
		}
	}()
	g := newGen(info, opt)
	var compiled []*check.Func
	seen := map[string]bool{abi.MemoryExport: true, abi.ErrorExport: true, abi.MainExport: true}
	for _, fn := range info.Funcs {
		if !fn.Compilable && !fn.Internal {
			continue
		}
		if seen[fn.Name] {
			return nil, fmt.Errorf("wasmgen: cannot export function %q: the name is taken", fn.Name)
		}
		seen[fn.Name] = true
		g.index[fn] = uint32(len(compiled))
		compiled = append(compiled, fn)
		g.mod.Funcs = append(g.mod.Funcs, nil) // filled below
	}
	g.mod.Funcs = append(g.mod.Funcs, &wasmbin.Func{
		Name: abi.ErrorExport, Export: true,
		Type: wasmbin.FuncType{Results: []wasmbin.ValType{wasmbin.I32}},
		Body: []wasmbin.Instr{{Op: wasmbin.OpGlobalGet, Imm: errGlobal}},
	})
	g.plan.PlanGuards(g.info, g.passes, compiled)
	if g.on(PassSpecialize) {
		g.planSpecs(compiled)
	}
	for i, fn := range compiled {
		g.mod.Funcs[i] = g.function(fn)
		if fn.Internal {
			g.rt.UseHeap() // the host passes lists through the allocator
		}
	}
	g.specFunctions(compiled)
	if g.rt.Heap() {
		g.rt.WrapExports(len(compiled))
	}
	g.rt.Finish()
	g.addInterruptExport()
	return g.mod, nil
}

// abiSections are the custom sections of every module: the ABI version
// it is built for, which the runtime checks when it loads the module.
// Modules share the slice, which nothing modifies.
var abiSections = []wasmbin.CustomSection{{Name: abi.VersionSection, Data: wasmbin.AppendUleb128(nil, abi.Version)}}

// newGen returns the state of a Generate call with an empty module.
func newGen(info *check.Info, opt Options) *gen {
	g := &gen{
		info: info, opt: opt, passes: opt.Passes(), plan: &plan.Module{},
		mod: &wasmbin.Module{
			Custom:       abiSections,
			MemoryPages:  1,
			MemoryExport: abi.MemoryExport,
			Globals:      []*wasmbin.Global{{Name: "__ml_error_code", Type: wasmbin.I32, Mutable: true}},
		},
		index:  make(map[*check.Func]uint32),
		consts: plan.NewConsts(info),
		// facts: specHolds shares them
		facts: plan.NewFactCache(),
	}
	g.rt = rt.New(g.mod)
	return g
}

// valType maps a checked type to its WebAssembly value type; ok is false
// for None.
func valType(t *check.Type) (wasmbin.ValType, bool) {
	if t == nil {
		panic("missing type")
	}
	switch t.Kind {
	case check.Int:
		return wasmbin.I64, true
	case check.Float:
		return wasmbin.F64, true
	case check.Bool:
		return wasmbin.I32, true
	case check.None:
		return 0, false
	case check.List:
		return wasmbin.I32, true // the address of the list's header
	case check.Str:
		return wasmbin.I32, true // the address of the string object
	}
	panic(fmt.Sprintf("type %s is not compiled", t))
}

func results(t *check.Type) []wasmbin.ValType {
	if t.Kind == check.Tuple {
		// a tuple of scalars: one result each (the bridge makes the tuple)
		out := make([]wasmbin.ValType, len(t.Elems))
		for i, e := range t.Elems {
			out[i], _ = valType(e)
		}
		return out
	}
	if v, ok := valType(t); ok {
		return []wasmbin.ValType{v}
	}
	return nil
}

// The marks of the frames (emit.Mark) that branches look for.
const (
	// markBreak and markContinue mark the frames that `break` and
	// `continue` of a Python loop branch to.
	markBreak emit.Mark = 1 << iota
	markContinue
	// markTailTop marks the loop around a body under the tail call
	// transformation (tailcall.go), and markTailBase the block that a
	// rotated one leaves for its guard's body (leafguard.go).
	markTailTop
	markTailBase
)

// fgen generates one function: the plan the passes made for it, read
// only, and the state of lowering.
type fgen struct {
	*emit.Builder // the function's body
	// the analyses of the function (intervals under the current facts,
	// constants): lowering asks, and narrows the facts where it knows more
	*plan.Func
	g     *gen
	fn    *check.Func
	plan  *plan.FuncPlan
	local map[string]uint32
	// loops is what hoist and version know about the loops being
	// generated.
	loops loopState
	// acc is the accumulator of the tail call transformation, when the
	// plan has it (tailcall.go).
	acc uint32
	// inCopy is set while a copy of the function is generated in place
	// of one of its calls (selfinline.go).
	inCopy int
	// cseLocal holds the local of each definition of the cse plan, and
	// cseDefining the definition being generated (cse.go).
	cseLocal    map[ast.Expr]uint32
	cseDefining ast.Expr
	// chars maps each ord(c) argument of a loop over code points to the
	// local holding the code point (strloop.go).
	chars map[*ast.Ident]uint32
	// fsums holds the extra locals of each float sum total (floatsum.go).
	fsums map[string]floatSum
}

// A loopState is what the loop passes know about the loops enclosing the
// code being generated: set when a loop is entered, restored when it is
// left.
type loopState struct {
	// cache holds the list headers hoisted by the enclosing loops (hoist).
	cache map[string]cachedList
	// proven maps a list local to the loop variable whose accesses to it
	// are known to be in bounds in the loop being generated (version).
	proven map[string]string
	// rows holds the rows L[i] whose headers the fast copy being
	// generated holds, by key, cached under that key (rowhoist).
	rows map[string]plan.InvariantRow
	// provenRows maps a row L[k] of the loop being generated to the index
	// j whose accesses L[k][j] are known to be in bounds (version).
	provenRows map[*ast.Index]string
	// reduced maps each product e * k of the loop being generated that
	// the loop keeps in a local to that local, and advances lists the
	// additions that keep them up to date (version).
	reduced  map[*ast.Binary]uint32
	advances []advance
	// iv is the pointer plan of the fast copy being generated, or nil
	// (ivptr).
	iv *ivLoop
	// bounds holds the facts i < len(L) of the statements being
	// generated, and nest is set in the body of a chunked loop nest,
	// whose loops must check for interruption on entry (listloops).
	bounds map[plan.Bound]bool
	nest   bool
}

// function generates the code of one compilable function.
func (g *gen) function(fn *check.Func) *wasmbin.Func {
	return g.genFunc(fn, false)
}

// analyses returns the analyses of fn (with spec, of its non-negative
// specialization), with no facts yet.
func (g *gen) analyses(fn *check.Func, spec bool) *plan.Func {
	return &plan.Func{Consts: g.consts, Info: g.info, Fn: fn, Passes: g.passes, Module: g.plan, Spec: spec, Cache: g.facts}
}

// planFunc runs the passes' analyses of fn (with spec, of its
// non-negative specialization) and returns their plan.
func (g *gen) planFunc(fn *check.Func, spec bool) *plan.FuncPlan {
	p := &plan.FuncPlan{Spec: spec}
	a := g.analyses(fn, spec)
	ff := a.FuncFacts()
	p.Appends = ff.Appends
	p.CSE = a.CSEPlan()
	if ff.Tail {
		p.Tail = true
		p.Rotated, _ = g.plan.SimpleGuard(fn)
	}
	p.SelfInline = a.SelfInline(p.Tail, p.Rotated)
	p.CopiesPoll = p.SelfInline > 0 && a.CopiesPoll()
	return p
}

// genFunc generates fn, or with spec its non-negative specialization
// (specialize.go).
func (g *gen) genFunc(fn *check.Func, spec bool) *wasmbin.Func {
	f := &wasmbin.Func{Name: fn.Name, Export: !spec, ParamNames: fn.ParamNames}
	if spec {
		f.Name += specSuffix
	}
	for _, p := range fn.Params {
		v, _ := valType(p)
		f.Type.Params = append(f.Type.Params, v)
	}
	f.Type.Results = results(fn.Result)
	fg := &fgen{Builder: emit.New(f), Func: g.analyses(fn, spec), g: g, fn: fn, plan: g.planFunc(fn, spec), local: make(map[string]uint32)}
	for i, n := range fn.ParamNames {
		fg.local[n] = uint32(i)
	}
	for _, l := range g.info.Locals[fn.Decl] {
		if l.Param {
			continue
		}
		if l.Type.Kind == check.Tuple {
			// an unpacking's temporary (check's lower.go): a local per value
			fg.local[l.Name] = uint32(len(f.ParamNames) + len(f.Locals))
			for i, e := range l.Type.Elems {
				v, _ := valType(e)
				f.Locals = append(f.Locals, v)
				f.LocalNames = append(f.LocalNames, fmt.Sprintf("%s.%d", l.Name, i))
			}
			continue
		}
		v, _ := valType(l.Type)
		fg.local[l.Name] = uint32(len(f.ParamNames) + len(f.Locals))
		f.Locals = append(f.Locals, v)
		f.LocalNames = append(f.LocalNames, l.Name)
	}
	fg.floatSumLocals() // floatsum.go
	fg.LoopFacts(fg.FuncFacts().Loops, fg.ParamFacts())
	var falls bool
	if fn.OnCallCycle {
		fg.interruptCheck() // recursion may run long without a loop (interrupt.go)
	}
	if fg.plan.Tail {
		fg.acc = fg.Named(wasmbin.I64, "tail.acc")
		if guard := fg.plan.Rotated; guard != nil {
			falls = fg.rotatedTail(guard, fn.Decl.Body[1:])
		} else {
			fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
			fg.Mark(markTailTop)
			falls = fg.block(fn.Decl.Body)
			fg.End()
		}
	} else {
		falls = fg.block(fn.Decl.Body)
	}
	if len(f.Type.Results) > 0 {
		if falls {
			fg.Trap(abi.ErrUnsupported) // Python would return None
		} else {
			fg.Emit(wasmbin.OpUnreachable) // every path returned; keeps the validator happy
		}
	}
	return f
}

// typeOf returns the checked type of e.
func (fg *fgen) typeOf(e ast.Expr) *check.Type {
	t, ok := fg.g.info.Types[e]
	if !ok {
		panic(fmt.Sprintf("no type for expression at %v", e.Span().Start))
	}
	return t
}
