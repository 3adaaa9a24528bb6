package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"math"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// block generates a statement list and reports whether control can fall
// off its end. With the deadcode pass, statements after one that cannot fall
// through are dropped; without it they are emitted (still valid
// WebAssembly: the validator types unreachable code permissively).
func (fg *fgen) block(body []ast.Stmt) bool {
	falls := true
	for i, s := range body {
		if !falls && fg.g.on(PassDeadCode) {
			break
		}
		if !fg.stmt(s) {
			falls = false
			continue
		}
		// A guard that left the block narrows a parameter for the rest of
		// it (plan/guards.go).
		if g, ok := s.(*ast.If); ok && falls && !plan.BodyFalls(g) {
			if name, r, ok := fg.GuardFact(g); ok {
				rest := true
				fg.WithFact(name, r, func() { rest = fg.block(body[i+1:]) })
				return rest
			}
		}
	}
	return falls
}

// stmt generates one statement and reports whether control can fall through.
func (fg *fgen) stmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.Pass:
		return true
	case *ast.Assign:
		if id, ok := s.Target.(*ast.Ident); ok && fg.fsums != nil {
			if _, ok := fg.fsums[id.Name]; ok {
				fg.floatSumAssign(id.Name, s.Value) // floatsum.go
				return true
			}
		}
		if r, x, ok := fg.AppendStmt(s); ok {
			fg.appendTo(r, x)
			return true
		}
		if ix, ok := s.Target.(*ast.Index); ok {
			fg.setIndex(ix, s.Value, nil)
			return true
		}
		id := s.Target.(*ast.Ident)
		fg.expr(s.Value)
		if t := fg.LocalType(id.Name); t.Kind == check.Tuple {
			// `t = f(...)` of an unpacking: its values, the last on top
			for i := len(t.Elems) - 1; i >= 0; i-- {
				fg.Set(fg.local[id.Name] + uint32(i))
			}
			return true
		}
		fg.Set(fg.local[id.Name])
		return true
	case *ast.AugAssign:
		if r, x, ok := fg.AppendStmt(s); ok {
			fg.appendTo(r, x)
			return true
		}
		if ix, ok := s.Target.(*ast.Index); ok {
			fg.setIndex(ix, s.Value, s)
			return true
		}
		id := s.Target.(*ast.Ident)
		lt := fg.LocalType(id.Name)
		fg.binary(s.Op, s.Target, s.Value, lt)
		fg.Set(fg.local[id.Name])
		return true
	case *ast.ExprStmt:
		if _, ok := s.X.(*ast.StrLit); ok {
			return true
		}
		fg.expr(s.X)
		if _, ok := valType(fg.typeOf(s.X)); ok {
			fg.Emit(wasmbin.OpDrop)
		}
		return true
	case *ast.If:
		// the facts of the condition are computed before it is generated,
		// under the facts that hold where it is tested (condfacts.go)
		yes, no := fg.CondFacts(s.Cond, true), fg.CondFacts(s.Cond, false)
		body := func() bool { return fg.condBlock(s.Cond, s.Body, yes) }
		orElse := func() bool { return fg.factBlock(s.Else, no) }
		if fg.branchy(s.Cond) {
			return fg.ifBranches(s.Cond, len(s.Else) > 0, body, orElse)
		}
		fg.cond(s.Cond)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		f1 := body()
		f2 := true
		if len(s.Else) > 0 {
			fg.Emit(wasmbin.OpElse)
			f2 = orElse()
		}
		fg.End()
		return f1 || f2
	case *ast.While:
		defer fg.hoistLists(s)()
		if c, ok := fg.CountedWhile(s, fg.hoisted); ok && fg.countedWhile(s, c) { // whilerange.go
			return true
		}
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.Mark(markBreak)
		fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
		fg.Mark(markContinue)
		fg.interruptCheck() // each iteration (interrupt.go)
		yes := fg.CondFacts(s.Cond, true)
		fg.branchIf(s.Cond, false, 1)     // branches.go
		fg.condBlock(s.Cond, s.Body, yes) // listloops.go
		fg.EmitImm(wasmbin.OpBr, 0)
		fg.End()
		fg.End()
		return true
	case *ast.For:
		if t, ok := fg.g.info.Types[s.Iter]; ok && t.Kind == check.List {
			fg.forList(s)
		} else if ok && t.Kind == check.Str {
			if !fg.polyLoop(s) && !fg.charLoop(s) { // polyhash.go, strloop.go
				fg.forStr(s)
			}
		} else {
			fg.forRange(s)
		}
		return true
	case *ast.Break:
		fg.EmitImm(wasmbin.OpBr, fg.Depth(markBreak))
		return false
	case *ast.Continue:
		fg.EmitImm(wasmbin.OpBr, fg.Depth(markContinue))
		return false
	case *ast.Return:
		fg.ret(s)
		return false
	case *ast.Raise:
		// AUTO re-runs the call in Python, which evaluates the operands
		// and raises; the compiled code has changed nothing Python sees
		fg.Trap(abi.ErrUnsupported)
		return false
	case *ast.Assert:
		if !fg.branchy(s.Cond) {
			fg.cond(s.Cond)
			fg.Emit(wasmbin.OpI32Eqz)
			fg.TrapIf(abi.ErrAssertion)
			return true
		}
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.branchIf(s.Cond, true, 0) // branches.go
		fg.Trap(abi.ErrAssertion)
		fg.End()
		return true
	}
	panic("statement not compiled")
}

// ret generates a return statement.
func (fg *fgen) ret(s *ast.Return) {
	if fg.plan.Tail {
		fg.tailReturn(s)
		return
	}
	if fg.fn.Result.Kind == check.None {
		if s.Value != nil {
			fg.expr(s.Value) // a None-valued call still runs
		}
		fg.Emit(wasmbin.OpReturn)
		return
	}
	if s.Value == nil || fg.typeOf(s.Value).Kind == check.None {
		if s.Value != nil {
			fg.expr(s.Value)
		}
		fg.Trap(abi.ErrUnsupported) // Python returns None from an annotated function
		return
	}
	if r := fg.fn.Result; r.Kind == check.Tuple {
		if call, ok := s.Value.(*ast.Call); ok {
			// `return f(...)` of f's tuple: its values are the results
			fg.expr(call)
			fg.Emit(wasmbin.OpReturn)
			return
		}
		// `return a, b`: the values in order, one result each
		for i, e := range s.Value.(*ast.Tuple).Elems {
			fg.exprAs(e, r.Elems[i].Kind)
		}
		fg.Emit(wasmbin.OpReturn)
		return
	}
	fg.specRequire(s.Value, "the value returned")
	fg.expr(s.Value)
	fg.Emit(wasmbin.OpReturn)
}

// forRange generates `for i in range(...)`. The counter is a hidden local,
// so that assigning the loop variable in the body does not change the
// iteration, as in Python.
func (fg *fgen) forRange(s *ast.For) {
	args := s.Iter.(*ast.Call).Args
	cur, stop := fg.Temp(wasmbin.I64), fg.Temp(wasmbin.I64)
	defer fg.Release(wasmbin.I64, cur, stop)
	// Evaluate start, stop and step once, in source order.
	var step int64 = 1
	stepConst := true
	var stepLocal uint32
	stepSign := 0 // 1 or -1 when the sign of the step is known
	switch len(args) {
	case 1:
		fg.I64(0)
		fg.Set(cur)
		fg.exprAs(args[0], check.Int)
		fg.Set(stop)
	default:
		fg.exprAs(args[0], check.Int)
		fg.Set(cur)
		fg.exprAs(args[1], check.Int)
		fg.Set(stop)
		if len(args) == 3 {
			if v, ok := fg.ConstOf(args[2]); ok && v.Kind != check.Float {
				step = v.I
			} else {
				stepConst = false
				stepLocal = fg.Temp(wasmbin.I64)
				defer fg.Release(wasmbin.I64, stepLocal)
				fg.exprAs(args[2], check.Int)
				if sr := fg.RangeOf(args[2]); sr.Positive() || sr.Hi < 0 {
					stepSign = 1
					if sr.Hi < 0 {
						stepSign = -1
					}
					fg.Set(stepLocal) // cannot be zero
				} else {
					fg.Tee(stepLocal)
					fg.Emit(wasmbin.OpI64Eqz)
					fg.TrapIf(abi.ErrValue)
				}
			}
		}
	}
	if stepConst {
		stepSign = 1
		if step < 0 {
			stepSign = -1
		}
	}
	// The advance cur + step cannot overflow when the last value below
	// stop plus the largest step still fits (cur < stop for a positive
	// step, cur > stop for a negative one).
	var stepR plan.Interval
	if stepConst {
		stepR = plan.Interval{Lo: step, Hi: step}
	} else {
		stepR = fg.RangeOf(args[2])
	}
	stopR := fg.RangeOf(args[min(1, len(args)-1)])
	advanceSafe := stepSign > 0 && stopR.Hi != math.MinInt64 && plan.AddSafe(plan.Interval{Lo: stopR.Hi - 1, Hi: stopR.Hi - 1}, stepR) ||
		stepSign < 0 && stopR.Lo != math.MaxInt64 && plan.AddSafe(plan.Interval{Lo: stopR.Lo + 1, Hi: stopR.Lo + 1}, stepR)
	if stepConst && step == 0 {
		fg.Trap(abi.ErrValue)
		return
	}
	defer fg.hoistLists(s)()
	// Interruption (interrupt.go): a loop that provably runs at most
	// chunkIterations times does not check; a light body with a step of
	// known sign checks once per chunk; anything else each iteration.
	var chunked, perIteration bool
	if interruptChecks && !(stepConst && !fg.loops.nest && fg.ShortRange(args, step)) {
		chunked = stepSign != 0 && (fg.LightLoop(s) || fg.ChunkableNest(s))
		perIteration = !chunked
	}
	var bounds []plan.Bound // i < stop <= len(L) (listloops.go)
	if stepSign > 0 {
		bounds = fg.RangeBounds(s, args, fg.hoisted)
	}
	// The exit test, for the step's sign: cur >= stop, cur <= stop, or
	// chosen at run time.
	exitTest := func() {
		switch {
		case stepSign > 0:
			fg.Bin(wasmbin.OpI64GeS, cur, stop)
		case stepSign < 0:
			fg.Bin(wasmbin.OpI64LeS, cur, stop)
		default:
			fg.Bin(wasmbin.OpI64GeS, cur, stop)
			fg.Bin(wasmbin.OpI64LeS, cur, stop)
			fg.Get(stepLocal)
			fg.I64(0)
			fg.Emit(wasmbin.OpI64GtS)
			fg.Emit(wasmbin.OpSelect)
		}
	}
	// The body, the advances of reduced products and the advance of cur,
	// which leaves the loop when cur + step overflows.
	bodyAndAdvance := func() {
		fg.Get(cur)
		fg.Set(fg.local[s.Var().Name])
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.Mark(markContinue)
		fg.boundsBlock(s.Body, nil, bounds)
		fg.End()
		fg.advanceProducts()
		// advance; a step of ±1 cannot overflow since cur is strictly inside
		// the range, a larger one ends the loop when cur + step overflows
		// (its true value lies beyond stop).
		fg.Get(cur)
		if stepConst {
			fg.I64(step)
		} else {
			fg.Get(stepLocal)
		}
		fg.Emit(wasmbin.OpI64Add) // cur + step, wrapped
		if stepConst && (step == 1 || step == -1) || advanceSafe {
			fg.Set(cur)
		} else {
			next := fg.Temp(wasmbin.I64)
			fg.Tee(next)
			// The step's sign is known here: for step > 0, cur + step
			// overflows iff the wrapped sum is below cur (it is at most cur +
			// MAX otherwise); for step < 0, iff it is above cur.
			// With the sign known only at run time: overflow iff cur and step
			// have the sign opposite to next.
			switch {
			case stepSign > 0:
				fg.Get(cur)
				fg.Emit(wasmbin.OpI64LtS)
			case stepSign < 0:
				fg.Get(cur)
				fg.Emit(wasmbin.OpI64GtS)
			default:
				fg.Get(cur)
				fg.Emit(wasmbin.OpI64Xor)
				fg.Bin(wasmbin.OpI64Xor, stepLocal, next)
				fg.Emit(wasmbin.OpI64And)
				fg.I64(0)
				fg.Emit(wasmbin.OpI64LtS)
			}
			fg.EmitImm(wasmbin.OpBrIf, fg.Depth(markBreak))
			fg.Get(next)
			fg.Set(cur)
			fg.Release(wasmbin.I64, next)
		}
	}
	emitLoop := func() {
		if fg.loops.iv != nil && fg.loops.iv.loop == s { // the fast copy on pointers (ivptr.go)
			fg.pointerLoop(s, cur, stop, step, stepConst, stepLocal, chunked, perIteration)
			return
		}
		if chunked {
			fg.chunkedLoop(s, cur, stop, step, stepConst, stepLocal, stepSign, exitTest, bodyAndAdvance)
			return
		}
		fg.testedLoop(perIteration, exitTest, bodyAndAdvance)
	}
	if stepSign > 0 {
		if !stepConst {
			step = 0 // unknown: no strength reduction
		}
		fg.versioned(s, args, cur, stop, step, emitLoop)
	} else {
		emitLoop()
	}
}

// minI64 is the smallest i64, as a float for range checks.
const twoTo63 = float64(math.MaxInt64) + 1

// testedLoop emits a loop that checks for interruption at each iteration
// when check is set, leaves when exitTest (which pushes an i32) is true,
// and otherwise runs bodyAndAdvance; break leaves it.
func (fg *fgen) testedLoop(check bool, exitTest, bodyAndAdvance func()) {
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	if check {
		fg.interruptCheck()
	}
	exitTest()
	fg.EmitImm(wasmbin.OpBrIf, 1)
	bodyAndAdvance()
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
}
