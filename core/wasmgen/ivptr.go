package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// Pointer induction variables (pass ivptr): plan/ivptr.go has the
// conditions and the proof; this file emits the fast copy of a versioned
// loop on i32 element pointers. The loop
//
//	block
//	  br_if 0 (cur >= stop)               ; an empty range sets nothing
//	  left = (stop - cur - 1) / c + 1     ; the turns, c the step: one division
//	  k = cur + (left - 1) * c            ; its last value (nothing reads it before)
//	  p_L = data_L + (wrap(cur) << w_L)   ; for each list L
//	  loop                                ; a chunk, when it checks interruption
//	    check the interrupt word
//	    n = min(left, ChunkIterations); left -= n
//	    end = p_0 + wrap(n) * (c << w_0)
//	    loop                              ; a turn
//	      body                            ; L[k] is the slot at p_L
//	      advance the reduced products
//	      p_L += c << w_L
//	      br_if 0 (p_0 != end)
//	    end
//	    br_if 0 (left != 0)
//	  end
//	end
//
// replaces the chunked loop (interrupt.go) of the fast copy: per turn, the
// body and one i32 addition per slot width, where it computed each address
// from an i64 counter it also advanced and tested.

// ivLoop is the pointer plan of the fast copy being generated: the
// variable k of the loop, its lists, and the lists that lead a pointer:
// the first list of each slot width. ptr maps every list to the i32 local
// of the pointer it is addressed by, its lead's; a list that is not a
// lead is addressed as that pointer plus the local delta[L] = data(L) -
// data(lead): modulo 2**32, the address of L[k] exactly. The first
// lead's pointer ends the loop. tables maps each list of lists that
// keeps a table of its rows' data pointers (rowdata.go) to the local
// holding T - data(lead), so that T[k] is that pointer plus it.
type ivLoop struct {
	loop   *ast.For
	k      string
	lists  []string
	leads  []string
	ptr    map[string]uint32
	delta  map[string]uint32
	tables map[string]uint32
}

// pointerPlan returns the pointer plan of the fast copy of the versioned
// loop s whose proven lists are lists, or nil when it runs on its counter
// (plan.PointerLists). The caller releases it with releasePointers.
func (fg *fgen) pointerPlan(s *ast.For, lists []string) *ivLoop {
	on := fg.PointerLists(s, lists, func(b *ast.Binary) bool { _, ok := fg.loops.reduced[b]; return ok })
	if len(on) == 0 {
		return nil
	}
	iv := &ivLoop{loop: s, k: s.Var().Name, lists: on, ptr: map[string]uint32{}, delta: map[string]uint32{},
		tables: map[string]uint32{}}
	lead := map[rt.SlotWidth]string{}
	for _, name := range on {
		if fg.loops.cache[name].table {
			iv.tables[name] = fg.Temp(wasmbin.I32)
		}
		w := fg.slotWidth(name)
		if l, ok := lead[w]; ok {
			iv.ptr[name] = iv.ptr[l]
			iv.delta[name] = fg.Temp(wasmbin.I32)
			continue
		}
		lead[w] = name
		iv.leads = append(iv.leads, name)
		iv.ptr[name] = fg.Named(wasmbin.I32, "ptr."+name)
	}
	return iv
}

// releasePointers frees the locals of the pointer plan iv (nil: none).
func (fg *fgen) releasePointers(iv *ivLoop) {
	if iv == nil {
		return
	}
	for _, name := range iv.leads {
		fg.Release(wasmbin.I32, iv.ptr[name])
	}
	for _, d := range iv.delta {
		fg.Release(wasmbin.I32, d)
	}
	for _, t := range iv.tables {
		fg.Release(wasmbin.I32, t)
	}
}

// ivTableSlot leaves the address of slot k of the row table of the list
// of lists name when the pointer loop being generated runs on k and
// addresses name, and reports whether it does (rowdata.go).
func (fg *fgen) ivTableSlot(name, k string) bool {
	iv := fg.loops.iv
	if iv == nil || k != iv.k {
		return false
	}
	t, ok := iv.tables[name]
	if !ok {
		return false
	}
	fg.Get(iv.ptr[name])
	fg.Get(t)
	fg.Emit(wasmbin.OpI32Add)
	return true
}

// ivSlot leaves the address of x[i] when the pointer loop being
// generated serves that access, and reports whether it does.
func (fg *fgen) ivSlot(x, i ast.Expr) bool {
	iv := fg.loops.iv
	if iv == nil {
		return false
	}
	key := plan.ListKey(x) // a list local, or a row L[i] (rowhoist.go)
	ii, okI := i.(*ast.Ident)
	if key == "" || !okI || ii.Name != iv.k {
		return false
	}
	p, ok := iv.ptr[key]
	if !ok {
		return false
	}
	fg.Get(p)
	if d, ok := iv.delta[key]; ok {
		fg.Get(d)
		fg.Emit(wasmbin.OpI32Add)
	}
	return true
}

// slotWidth returns the slot width of the list local name, or of the row
// of that key (rowhoist.go).
func (fg *fgen) slotWidth(name string) rt.SlotWidth {
	if r, ok := fg.loops.rows[name]; ok {
		return widthOf(fg.LocalType(r.List).Elem.Elem.Kind)
	}
	return widthOf(fg.LocalType(name).Elem.Kind)
}

// pointerLoop emits the range loop s of the fast copy on the pointers of
// fg.loops.iv (see above): cur and stop are the i64 locals of the range,
// the step is the constant step or the (positive) local stepLocal;
// chunked and perIteration say where the loop checks the interrupt word
// (stmt.go, interrupt.go).
func (fg *fgen) pointerLoop(s *ast.For, cur, stop uint32, step int64, stepConst bool, stepLocal uint32, chunked, perIteration bool) {
	iv := fg.loops.iv
	left := fg.Temp(wasmbin.I64)
	defer fg.Release(wasmbin.I64, left)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markBreak)
	fg.Bin(wasmbin.OpI64GeS, cur, stop)
	fg.EmitImm(wasmbin.OpBrIf, 0)
	pushStep := func() { fg.I64(step) }
	if !stepConst {
		pushStep = func() { fg.Get(stepLocal) }
	}
	// bytes pushes c << w modulo 2**32, as an i32
	byWidth := map[rt.SlotWidth]uint32{}
	bytes := func(w rt.SlotWidth) {
		if stepConst {
			fg.I32(int32(uint32(step) << w))
			return
		}
		fg.Get(byWidth[w])
	}
	if !stepConst {
		for _, name := range iv.leads {
			w := fg.slotWidth(name)
			b := fg.Temp(wasmbin.I32)
			defer fg.Release(wasmbin.I32, b)
			fg.Get(stepLocal)
			fg.Emit(wasmbin.OpI32WrapI64)
			if w != 0 {
				fg.I32(int32(w))
				fg.Emit(wasmbin.OpI32Shl)
			}
			fg.Set(b)
			byWidth[w] = b
		}
	}
	// left = (stop - cur - 1) / c + 1; k = cur + (left - 1) * c
	fg.Bin(wasmbin.OpI64Sub, stop, cur)
	fg.I64(1)
	fg.Emit(wasmbin.OpI64Sub)
	if !stepConst || step != 1 {
		pushStep()
		fg.Emit(wasmbin.OpI64DivU)
	}
	fg.Tee(left)
	if !stepConst || step != 1 {
		pushStep()
		fg.Emit(wasmbin.OpI64Mul)
	}
	fg.Get(cur)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(fg.local[iv.k])
	fg.Get(left)
	fg.I64(1)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(left)
	// the pointers and the deltas
	for _, name := range iv.leads {
		fg.Get(fg.loops.cache[name].data)
		fg.Get(cur)
		fg.Emit(wasmbin.OpI32WrapI64)
		fg.slotAddr(fg.slotWidth(name))
		fg.Set(iv.ptr[name])
	}
	for _, name := range iv.lists {
		if d, ok := iv.delta[name]; ok {
			fg.Get(fg.loops.cache[name].data)
			fg.Get(fg.loops.cache[iv.leadOf(name)].data)
			fg.Emit(wasmbin.OpI32Sub)
			fg.Set(d)
		}
		if t, ok := iv.tables[name]; ok {
			fg.Get(fg.loops.cache[name].tab)
			fg.Get(fg.loops.cache[iv.leadOf(name)].data)
			fg.Emit(wasmbin.OpI32Sub)
			fg.Set(t)
		}
	}
	p0, w0 := iv.ptr[iv.leads[0]], fg.slotWidth(iv.leads[0])
	end := fg.Temp(wasmbin.I32)
	defer fg.Release(wasmbin.I32, end)
	n := left
	if chunked {
		n = fg.Temp(wasmbin.I64)
		defer fg.Release(wasmbin.I64, n)
		fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
		fg.interruptCheck()
		// n = min(left, ChunkIterations); left -= n
		fg.Get(left)
		fg.I64(plan.ChunkIterations)
		fg.Get(left)
		fg.I64(plan.ChunkIterations)
		fg.Emit(wasmbin.OpI64LtU)
		fg.Emit(wasmbin.OpSelect)
		fg.Set(n)
		fg.Bin(wasmbin.OpI64Sub, left, n)
		fg.Set(left)
	}
	// end = p_0 + wrap(n) * (c << w_0), modulo 2**32
	fg.Get(p0)
	fg.Get(n)
	fg.Emit(wasmbin.OpI32WrapI64)
	bytes(w0)
	fg.Emit(wasmbin.OpI32Mul)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(end)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	if perIteration {
		fg.interruptCheck()
	}
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Mark(markContinue)
	fg.block(s.Body)
	fg.End()
	fg.advanceProducts()
	for _, name := range iv.leads {
		p := iv.ptr[name]
		fg.Get(p)
		bytes(fg.slotWidth(name))
		fg.Emit(wasmbin.OpI32Add)
		fg.Set(p)
	}
	fg.Bin(wasmbin.OpI32Ne, p0, end)
	fg.EmitImm(wasmbin.OpBrIf, 0)
	fg.End()
	if chunked {
		fg.Get(left)
		fg.I64(0)
		fg.Emit(wasmbin.OpI64Ne)
		fg.EmitImm(wasmbin.OpBrIf, 0)
		fg.End()
	}
	fg.End()
}

// leadOf returns the lead list whose pointer the list name rides.
func (iv *ivLoop) leadOf(name string) string {
	for _, l := range iv.leads {
		if iv.ptr[l] == iv.ptr[name] {
			return l
		}
	}
	return name
}
