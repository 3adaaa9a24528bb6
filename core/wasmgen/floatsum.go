package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Float sums. core/check/lowerreduce.go rewrites `sum(E for x in A)` into
// a running total t that starts as the int 0 and adds each element (`t =
// 0`, then `t = t + E` in the loops); when the elements are floats the
// checker marks t's Local FloatSum. CPython does not add floats the same
// way in every version (abi.FloatSumPlain for 3.10 and 3.11,
// abi.FloatSumCompensated from 3.12), and a module must give the answer of
// the CPython it runs for, whichever builds it: so the module exports the
// mutable global abi.FloatSumExport, which the runtime sets when it
// instantiates it (wasm.SetFloatSum, set by the extension from the
// running CPython), and each addition follows it. A total beside its
// compensation c and the number of elements added so far (none or some):
//
//	t = 0        f = 0.0; c = 0.0; started = 0
//	t = t + E    x = E; if !started: f = 0.0 + x; started = 1 (CPython's
//	             int 0 + x; an unset mode traps with ErrUnsupported)
//	             else if mode == compensated: y = f + x; c += |f| >= |x| ?
//	             (f - y) + x : (x - y) + f; f = y
//	             else: f = f + x
//	read t       no element: trap with ErrUnsupported (CPython's sum is
//	             the int 0 then, which a float result cannot be: AUTO
//	             re-runs the call in Python); compensated: f + c when c
//	             is finite and not zero, else f; plain: f

// floatSum holds the locals of a float sum beside its total's: the
// compensation (f64) and whether an element was added (i32).
type floatSum struct{ c, started uint32 }

// floatSumGlobal returns the index of the module's abi.FloatSumExport
// global, adding it (after the allocator's globals) on first use.
func (g *gen) floatSumGlobal() uint32 {
	if !g.hasFloatSum {
		g.rt.UseHeap() // the allocator's globals must come first
		g.floatSumIndex = uint32(len(g.mod.Globals))
		g.mod.Globals = append(g.mod.Globals, &wasmbin.Global{Name: abi.FloatSumExport, Type: wasmbin.I32, Mutable: true, Export: true})
		g.hasFloatSum = true
	}
	return g.floatSumIndex
}

// floatSumLocals gives each float sum total of the function its two
// locals.
func (fg *fgen) floatSumLocals() {
	for _, l := range fg.g.info.Locals[fg.fn.Decl] {
		if l.FloatSum {
			if fg.fsums == nil {
				fg.fsums = map[string]floatSum{}
			}
			fg.fsums[l.Name] = floatSum{c: fg.Named(wasmbin.F64, l.Name+".c"), started: fg.Named(wasmbin.I32, l.Name+".started")}
		}
	}
}

// floatSumAssign generates the assignment of value to the float sum
// total name (see above): its start, or the addition of an element.
func (fg *fgen) floatSumAssign(name string, value ast.Expr) {
	fs, f := fg.fsums[name], fg.local[name]
	mode := fg.g.floatSumGlobal()
	add, ok := value.(*ast.Binary)
	if !ok {
		// t = 0
		fg.F64(0)
		fg.Set(f)
		fg.F64(0)
		fg.Set(fs.c)
		fg.I32(0)
		fg.Set(fs.started)
		return
	}
	x, y := fg.Temp(wasmbin.F64), fg.Temp(wasmbin.F64)
	defer fg.Release(wasmbin.F64, x, y)
	fg.expr(add.Y)
	fg.Set(x)
	fg.Get(fs.started)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.EmitImm(wasmbin.OpGlobalGet, int64(mode))
	fg.Emit(wasmbin.OpI32Eqz)
	fg.TrapIf(abi.ErrUnsupported)
	fg.F64(0)
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Add)
	fg.Set(f)
	fg.I32(1)
	fg.Set(fs.started)
	fg.Emit(wasmbin.OpElse)
	fg.EmitImm(wasmbin.OpGlobalGet, int64(mode))
	fg.I32(abi.FloatSumCompensated)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// y = f + x; c += |f| >= |x| ? (f - y) + x : (x - y) + f; f = y
	fg.Bin(wasmbin.OpF64Add, f, x)
	fg.Set(y)
	fg.Get(fs.c)
	fg.Bin(wasmbin.OpF64Sub, f, y)
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Add)
	fg.Bin(wasmbin.OpF64Sub, x, y)
	fg.Get(f)
	fg.Emit(wasmbin.OpF64Add)
	fg.Get(f)
	fg.Emit(wasmbin.OpF64Abs)
	fg.Get(x)
	fg.Emit(wasmbin.OpF64Abs)
	fg.Emit(wasmbin.OpF64Ge)
	fg.Emit(wasmbin.OpSelect)
	fg.Emit(wasmbin.OpF64Add)
	fg.Set(fs.c)
	fg.Get(y)
	fg.Set(f)
	fg.Emit(wasmbin.OpElse)
	fg.Bin(wasmbin.OpF64Add, f, x)
	fg.Set(f)
	fg.End()
	fg.End()
}

// floatSumRead leaves the value of the float sum total name (see above).
func (fg *fgen) floatSumRead(name string) {
	fs, f := fg.fsums[name], fg.local[name]
	mode := fg.g.floatSumGlobal()
	fg.Get(fs.started)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.TrapIf(abi.ErrUnsupported)
	// select(f + c, f, compensated && c != 0 && |c| < inf)
	fg.Bin(wasmbin.OpF64Add, f, fs.c)
	fg.Get(f)
	fg.EmitImm(wasmbin.OpGlobalGet, int64(mode))
	fg.I32(abi.FloatSumCompensated)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Get(fs.c)
	fg.F64(0)
	fg.Emit(wasmbin.OpF64Ne)
	fg.Emit(wasmbin.OpI32And)
	fg.Get(fs.c)
	fg.Emit(wasmbin.OpF64Abs)
	fg.F64(math.Inf(1))
	fg.Emit(wasmbin.OpF64Lt)
	fg.Emit(wasmbin.OpI32And)
	fg.Emit(wasmbin.OpSelect)
}
