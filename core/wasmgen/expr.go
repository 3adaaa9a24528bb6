package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
)

// expr generates e, leaving its value (if not None) on the stack with the
// value type of its checked type.
func (fg *fgen) expr(e ast.Expr) {
	t := fg.typeOf(e)
	if fg.g.on(PassFold) || fg.constPow(e) {
		if v, ok := fg.ConstOf(e); ok && !isLiteral(e) {
			fg.constant(v.As(t.Kind))
			return
		}
	}
	if fg.cseExpr(e) { // cse.go
		return
	}
	switch e := e.(type) {
	case *ast.IntLit:
		v, err := strconv.ParseInt(e.Text, 10, 64)
		if err != nil {
			panic("integer literal out of range")
		}
		fg.I64(v)
	case *ast.FloatLit:
		fg.F64(e.Value)
	case *ast.BoolLit:
		if e.Value {
			fg.I32(1)
		} else {
			fg.I32(0)
		}
	case *ast.NoneLit:
		// no value
	case *ast.StrLit:
		fg.I32(int32(fg.g.literal(e.Value)))
	case *ast.Ident:
		if k, ok := fg.g.info.Consts[e]; ok {
			fg.moduleConst(k)
			return
		}
		if _, ok := fg.fsums[e.Name]; ok {
			fg.floatSumRead(e.Name) // floatsum.go
			return
		}
		if fg.appended(e.Name) {
			fg.unmark(fg.local[e.Name]) // the reader may keep the object
		}
		fg.Get(fg.local[e.Name])
	case *ast.Binary:
		if p, ok := fg.loops.reduced[e]; ok {
			fg.Get(p) // a product kept up to date by the loop (version.go)
			return
		}
		if fg.wrapMod(e) { // wrapmod.go
			return
		}
		fg.binary(e.Op, e.X, e.Y, t)
	case *ast.Unary:
		fg.unary(e, t)
	case *ast.Logic:
		fg.logic(e, t)
	case *ast.IfExp:
		fg.ifExp(e, t)
	case *ast.Compare:
		fg.compare(e)
	case *ast.Call:
		fg.callExpr(e, t)
	case *ast.ListLit:
		fg.listLit(e, t)
	case *ast.Index:
		fg.index(e, t)
	case *ast.FString:
		fg.fstring(e) // strexpr.go
	case *ast.Attribute:
		v, ok := fg.g.info.MathConsts[e]
		if !ok {
			panic("attribute not compiled")
		}
		fg.F64(v)
	default:
		panic("expression not compiled")
	}
}

// moduleConst emits the value of a module constant read inline
// (check/modconst.go).
func (fg *fgen) moduleConst(k *check.Const) {
	switch k.Type.Kind {
	case check.Int:
		fg.I64(k.Int)
	case check.Float:
		fg.F64(k.Float)
	case check.Bool:
		fg.I32(int32(k.Int))
	case check.Str:
		fg.I32(int32(fg.g.literal(k.Str)))
	default:
		panic("module constant of type " + k.Type.String())
	}
}

// isLiteral reports whether e is already a constant instruction.
func isLiteral(e ast.Expr) bool {
	switch e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.BoolLit, *ast.NoneLit:
		return true
	}
	return false
}

// constant emits a folded value.
func (fg *fgen) constant(v plan.Value) {
	switch v.Kind {
	case check.Int:
		fg.I64(v.I)
	case check.Float:
		fg.F64(v.F)
	case check.Bool:
		fg.I32(int32(v.I))
	}
}

// exprAs generates e converted to kind k (bool -> int -> float promotion).
func (fg *fgen) exprAs(e ast.Expr, k check.Kind) {
	fg.expr(e)
	fg.promote(fg.typeOf(e).Kind, k)
}

// promote converts the value on the stack from kind from to kind to.
func (fg *fgen) promote(from, to check.Kind) {
	switch {
	case from == to:
	case from == check.Bool && to == check.Int:
		fg.Emit(wasmbin.OpI64ExtendI32U)
	case from == check.Bool && to == check.Float:
		fg.Emit(wasmbin.OpF64ConvertI32U)
	case from == check.Int && to == check.Float:
		fg.Emit(wasmbin.OpF64ConvertI64S) // rounds to nearest, ties to even, as Python
	default:
		panic("bad promotion")
	}
}

// truth turns the value of kind k on the stack into an i32 truth value.
func (fg *fgen) truth(k check.Kind) {
	switch k {
	case check.Int:
		fg.I64(0)
		fg.Emit(wasmbin.OpI64Ne)
	case check.Float:
		fg.F64(0)
		fg.Emit(wasmbin.OpF64Ne) // nan is true, as in Python
	case check.List:
		fg.EmitImm(wasmbin.OpI32Load, abi.ListLenOffset)
		fg.I32(0)
		fg.Emit(wasmbin.OpI32Ne)
	case check.Str:
		fg.strLen()
		fg.I32(0)
		fg.Emit(wasmbin.OpI32Ne)
	}
}

// cond generates the truth value of e as an i32.
func (fg *fgen) cond(e ast.Expr) {
	fg.strLook(e)
	fg.truth(fg.typeOf(e).Kind)
}

// binary generates x op y whose checked result type is t.
func (fg *fgen) binary(op ast.BinaryOp, x, y ast.Expr, t *check.Type) {
	if op == ast.OpMul && t.Kind == check.Float && fg.floatDouble(x, y) { // mulconst.go
		return
	}
	fg.binaryWith(op, func() { fg.expr(x) }, fg.typeOf(x).Kind, fg.RangeOf(x), y, t)
}

// binaryWith is binary with the left operand's code emitted by left (its
// kind is xk and, for an int, its values lie in xr), for element updates
// such as a[i] += v.
func (fg *fgen) binaryWith(op ast.BinaryOp, left func(), xk check.Kind, xr plan.Interval, y ast.Expr, t *check.Type) {
	yk := fg.typeOf(y).Kind
	if t.Kind == check.List {
		fg.listBinary(op, left, xk, y, t)
		return
	}
	if t.Kind == check.Str {
		fg.strBinary(op, left, xk, y)
		return
	}
	if t.Kind == check.Float && op == ast.OpDiv && xk != check.Float && yk != check.Float {
		left()
		fg.promote(xk, check.Int)
		fg.exprAs(y, check.Int)
		fg.intTrueDiv()
		return
	}
	if op.IsBitwise() {
		left()
		fg.promote(xk, t.Kind)
		fg.bitwise(op, t.Kind, y)
		return
	}
	left()
	fg.promote(xk, t.Kind)
	fg.exprAs(y, t.Kind)
	if t.Kind == check.Float {
		switch op {
		case ast.OpAdd:
			fg.Emit(wasmbin.OpF64Add)
		case ast.OpSub:
			fg.Emit(wasmbin.OpF64Sub)
		case ast.OpMul:
			fg.Emit(wasmbin.OpF64Mul)
		case ast.OpDiv:
			fg.floatDiv()
		case ast.OpFloorDiv:
			fg.Call(fg.g.rt.FloatFloorDiv())
		case ast.OpMod:
			fg.Call(fg.g.rt.FloatMod())
		case ast.OpPow:
			fg.Call(fg.g.rt.FloatPow())
		default:
			panic("float operator not compiled")
		}
		return
	}
	yr := fg.RangeOf(y)
	switch op {
	case ast.OpAdd:
		fg.intAdd(xr, yr)
	case ast.OpSub:
		fg.intSub(xr, yr)
	case ast.OpMul:
		fg.intMul(xr, yr)
	case ast.OpFloorDiv:
		fg.intFloorDiv(xr, yr)
	case ast.OpMod:
		fg.intMod(xr, yr)
	case ast.OpPow:
		fg.Call(fg.g.rt.IPow())
	default:
		panic("int operator not compiled")
	}
}

// unary generates -x, +x, ~x and not x.
func (fg *fgen) unary(e *ast.Unary, t *check.Type) {
	switch e.Op {
	case ast.OpNot:
		fg.cond(e.X)
		fg.Emit(wasmbin.OpI32Eqz)
	case ast.OpPos:
		fg.exprAs(e.X, t.Kind)
	case ast.OpNeg:
		fg.exprAs(e.X, t.Kind)
		if t.Kind == check.Float {
			fg.Emit(wasmbin.OpF64Neg)
		} else {
			fg.intNeg()
		}
	case ast.OpInvert:
		fg.exprAs(e.X, check.Int)
		fg.intInvert()
	}
}

// logic generates `x and y` / `x or y`, both of type t, short-circuiting
// and yielding the deciding operand as Python does.
func (fg *fgen) logic(e *ast.Logic, t *check.Type) {
	vt, _ := valType(t)
	tmp := fg.Temp(vt)
	fg.expr(e.X)
	fg.Tee(tmp)
	fg.truth(t.Kind)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(vt))
	if e.Op == ast.OpAnd {
		fg.expr(e.Y)
		fg.Emit(wasmbin.OpElse)
		fg.Get(tmp)
	} else {
		fg.Get(tmp)
		fg.Emit(wasmbin.OpElse)
		fg.expr(e.Y)
	}
	fg.End()
	fg.Release(vt, tmp)
}

// ifExp generates `Body if Cond else Else`, both branches of type t: a
// wasm if with a result, so that only the chosen branch runs, as in
// Python.
func (fg *fgen) ifExp(e *ast.IfExp, t *check.Type) {
	vt, _ := valType(t)
	if fg.branchy(e.Cond) {
		fg.ifExpBranches(e, vt) // branches.go
		return
	}
	fg.cond(e.Cond)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockType(vt))
	fg.expr(e.Body)
	fg.Emit(wasmbin.OpElse)
	fg.expr(e.Else)
	fg.End()
}

// cmpKind is the kind two operands are compared in when no exact helper
// is needed: float when one is a float and the other a float or bool
// (bool converts exactly), bool when both are bools, else int.
func cmpKind(a, b check.Kind) check.Kind {
	switch {
	case a == check.Float || b == check.Float:
		return check.Float
	case a == check.Bool && b == check.Bool:
		return check.Bool
	}
	return check.Int
}

var cmpOps = map[check.Kind]map[ast.CmpOp]wasmbin.Opcode{
	check.Int: {ast.CmpEq: wasmbin.OpI64Eq, ast.CmpNe: wasmbin.OpI64Ne, ast.CmpLt: wasmbin.OpI64LtS,
		ast.CmpLe: wasmbin.OpI64LeS, ast.CmpGt: wasmbin.OpI64GtS, ast.CmpGe: wasmbin.OpI64GeS},
	check.Bool: {ast.CmpEq: wasmbin.OpI32Eq, ast.CmpNe: wasmbin.OpI32Ne, ast.CmpLt: wasmbin.OpI32LtU,
		ast.CmpLe: wasmbin.OpI32LeU, ast.CmpGt: wasmbin.OpI32GtU, ast.CmpGe: wasmbin.OpI32GeU},
	check.Float: {ast.CmpEq: wasmbin.OpF64Eq, ast.CmpNe: wasmbin.OpF64Ne, ast.CmpLt: wasmbin.OpF64Lt,
		ast.CmpLe: wasmbin.OpF64Le, ast.CmpGt: wasmbin.OpF64Gt, ast.CmpGe: wasmbin.OpF64Ge},
}

// mixedIntFloat reports whether comparing kinds a and b needs the exact
// int/float comparison (an int against a float; a bool converts exactly).
func mixedIntFloat(a, b check.Kind) bool {
	return a == check.Int && b == check.Float || a == check.Float && b == check.Int
}

// flipped is op with its operands swapped: a < b is b > a.
func flipped(op cmpOpKind) cmpOpKind {
	switch op {
	case cmpLt:
		return cmpGt
	case cmpGt:
		return cmpLt
	case cmpLe:
		return cmpGe
	case cmpGe:
		return cmpLe
	}
	return op
}

// cmpLink emits one comparison `left op right`: left and right emit the
// operands (of kinds lk and rk), and are called in that order. An int
// compared with a float goes through __ml_cmp_if, which is exact as
// Python's comparison is (no rounding of the int to a float).
func (fg *fgen) cmpLink(op ast.CmpOp, left func(), lk check.Kind, right func(), rk check.Kind, rt *check.Type) {
	if (op == ast.CmpIn || op == ast.CmpNotIn) && rt.Kind == check.Str {
		fg.strIn(left, right, op == ast.CmpNotIn)
		return
	}
	if op == ast.CmpIn || op == ast.CmpNotIn {
		fg.contains(left, lk, right, rt.Elem.Kind, op == ast.CmpNotIn)
		return
	}
	if lk == check.Str {
		fg.strCompare(op, left, right)
		return
	}
	if mixedIntFloat(lk, rk) {
		k := cmpOpKind(op - ast.CmpEq)
		if lk == check.Int {
			left()
			right()
		} else {
			tl := fg.Temp(wasmbin.F64)
			left()
			fg.Set(tl)
			right()
			fg.Get(tl)
			fg.Release(wasmbin.F64, tl)
			k = flipped(k)
		}
		fg.Call(fg.g.rt.CmpIntFloat())
		fg.cmpResult(k)
		return
	}
	k := cmpKind(lk, rk)
	left()
	fg.promote(lk, k)
	right()
	fg.promote(rk, k)
	fg.Emit(cmpOps[k][op])
}

// compare generates a chained comparison; each middle operand is evaluated
// once (kept in a local) and evaluation stops at the first false link.
func (fg *fgen) compare(e *ast.Compare) {
	n := len(e.Ops)
	kinds := make([]check.Kind, len(e.Operands))
	for i, x := range e.Operands {
		kinds[i] = fg.typeOf(x).Kind
	}
	type held struct {
		t   wasmbin.ValType
		idx uint32
	}
	var temps []held
	var prev uint32
	ifs := 0
	for i := 0; i < n; i++ {
		left := func() { fg.strLook(e.Operands[0]) }
		if i > 0 {
			p := prev
			left = func() { fg.Get(p) }
		}
		rx := e.Operands[i+1]
		right := func() { fg.strLook(rx) }
		if i+1 < n {
			vt, _ := valType(fg.typeOf(rx))
			tmp := fg.Temp(vt)
			temps = append(temps, held{vt, tmp})
			right = func() {
				fg.strLook(rx)
				fg.Tee(tmp)
			}
			prev = tmp
		}
		fg.cmpLink(e.Ops[i], left, kinds[i], right, kinds[i+1], fg.typeOf(rx))
		if i+1 < n {
			fg.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
			ifs++
		}
	}
	for ; ifs > 0; ifs-- {
		fg.Emit(wasmbin.OpElse)
		fg.I32(0)
		fg.End()
	}
	for _, h := range temps {
		fg.Release(h.t, h.idx)
	}
}

// callExpr generates a call to a compiled function or a builtin.
func (fg *fgen) callExpr(e *ast.Call, t *check.Type) {
	if name, ok := fg.g.info.MathCalls[e]; ok {
		fg.mathCall(name, e.Args)
		return
	}
	if at, ok := e.Func.(*ast.Attribute); ok {
		fg.method(e, at, t)
		return
	}
	id := e.Func.(*ast.Ident)
	if name, ok := fg.g.info.Builtins[id]; ok {
		if name == "sorted" && fg.g.info.SortReverse[e] {
			fg.expr(e.Args[0])
			fg.Call(fg.g.rt.SortedDesc(sortKind(fg.typeOf(e.Args[0]).Elem.Kind))) // rt/sort.go
			return
		}
		fg.builtin(name, e.Args, t)
		return
	}
	callee := fg.g.info.FuncByName[id.Name]
	idx, ok := fg.g.index[callee]
	if callee == nil || !ok {
		panic("call to a function that is not compiled")
	}
	if spec, ok := fg.SpecCall(e); ok {
		idx = spec
	}
	if guard, ok := fg.g.plan.SimpleGuard(callee); ok {
		fg.inlinedCall(e, callee, idx, guard)
		return
	}
	for i, a := range e.Args {
		fg.exprAs(a, callee.Params[i].Kind)
	}
	fg.Call(idx)
}

// builtin generates a call to a compiled builtin.
func (fg *fgen) builtin(name string, args []ast.Expr, t *check.Type) {
	if fg.listBuiltin(name, args, t) || fg.strBuiltin(name, args) {
		return
	}
	switch name {
	case "abs":
		fg.exprAs(args[0], t.Kind)
		if t.Kind == check.Float {
			fg.Emit(wasmbin.OpF64Abs)
		} else {
			fg.intAbs()
		}
	case "min", "max":
		fg.minMax(name == "min", args, t)
	case "int":
		if len(args) == 0 {
			fg.I64(0)
			return
		}
		k := fg.typeOf(args[0]).Kind
		if k == check.Float {
			fg.expr(args[0])
			fg.Emit(wasmbin.OpF64Trunc)
			fg.floatToInt()
			return
		}
		if k == check.Str {
			fg.expr(args[0])
			fg.Call(fg.g.rt.StrToInt()) // rt/strmethods.go
			return
		}
		fg.exprAs(args[0], check.Int)
	case "round":
		k := fg.typeOf(args[0]).Kind
		if k == check.Float {
			fg.expr(args[0])
			fg.Emit(wasmbin.OpF64Nearest) // ties to even, as Python's round()
			fg.floatToInt()
			return
		}
		fg.exprAs(args[0], check.Int)
	case "float":
		if len(args) == 0 {
			fg.F64(0)
			return
		}
		fg.exprAs(args[0], check.Float)
	case "bool":
		if len(args) == 0 {
			fg.I32(0)
			return
		}
		fg.cond(args[0])
	default:
		panic("builtin " + name + " not compiled")
	}
}

// minMax generates min(...) or max(...) with Python's rule: the running
// result is replaced only when a later argument compares strictly less
// (greater), so ties and nan keep the earlier argument.
func (fg *fgen) minMax(isMin bool, args []ast.Expr, t *check.Type) {
	vt, _ := valType(t)
	acc, cur := fg.Temp(vt), fg.Temp(vt)
	op := cmpOps[t.Kind][ast.CmpGt]
	if isMin {
		op = cmpOps[t.Kind][ast.CmpLt]
	}
	fg.expr(args[0])
	fg.Set(acc)
	for _, a := range args[1:] {
		fg.expr(a)
		fg.Tee(cur)
		fg.Get(acc)
		fg.Get(cur)
		fg.Get(acc)
		fg.Emit(op)
		fg.Emit(wasmbin.OpSelect)
		fg.Set(acc)
	}
	fg.Get(acc)
	fg.Release(vt, acc, cur)
}
