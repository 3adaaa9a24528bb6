package wasm

import (
	"fmt"
	"math"
	"runtime"
	"time"
)

// An ArgError reports arguments that do not fit a function's signature.
type ArgError struct {
	Func string
	Msg  string
}

// Error returns "wasm: f: " and the problem.
func (e *ArgError) Error() string { return fmt.Sprintf("wasm: %s: %s", e.Func, e.Msg) }

// Call calls the exported function name with args and returns its results:
// int32 for i32, int64 for i64, float32 for f32, float64 for f64.
// Arguments may be any Go integer, float or bool that converts exactly to
// the parameter type. A trap is returned as a *Trap; the instance remains
// usable afterwards.
func (inst *Instance) Call(name string, args ...any) (results []any, err error) {
	return inst.call(name, 0, args)
}

// CallTimeout is Call with a time limit: past d (give or take EpochTick)
// the call traps with a *Trap of kind TrapTimeout, which matches
// ErrTimeout. The instance remains usable afterwards.
func (inst *Instance) CallTimeout(d time.Duration, name string, args ...any) (results []any, err error) {
	if inst.module.mode == Fast {
		return nil, ErrNotInterruptible
	}
	AcquireTicker()
	defer ReleaseTicker()
	return inst.call(name, max(d, 1), args)
}

// call is Call with a time limit d (none when d is 0).
func (inst *Instance) call(name string, d time.Duration, args []any) (results []any, err error) {
	defer recoverTo(&err)
	f, err := inst.Func(name)
	if err != nil {
		return nil, err
	}
	e := f.export
	if len(args) != len(e.Params) {
		return nil, &ArgError{Func: name, Msg: fmt.Sprintf("takes %d arguments, got %d", len(e.Params), len(args))}
	}
	slots := make([]uint64, 2*f.Slots())
	for i, a := range args {
		w, err := encodeArg(a, e.Params[i])
		if err != nil {
			return nil, &ArgError{Func: name, Msg: fmt.Sprintf("argument %d: %v", i+1, err)}
		}
		slots[2*i] = w
	}
	for _, k := range e.Results {
		if k == KindOther {
			return nil, &ArgError{Func: name, Msg: "result type not supported"}
		}
	}
	if t := f.callSlotsDeadline(slots, d); t != nil {
		return nil, t
	}
	runtime.KeepAlive(inst)
	results = make([]any, len(e.Results))
	for i, k := range e.Results {
		results[i] = decodeResult(slots[2*i], k)
	}
	return results, nil
}

// encodeArg returns the little-endian raw bits of a as a value of kind k.
func encodeArg(a any, k ValKind) (uint64, error) {
	var (
		iv    int64
		fv    float64
		isInt bool
	)
	switch v := a.(type) {
	case bool:
		if v {
			iv = 1
		}
		isInt = true
	case int:
		iv, isInt = int64(v), true
	case int8:
		iv, isInt = int64(v), true
	case int16:
		iv, isInt = int64(v), true
	case int32:
		iv, isInt = int64(v), true
	case int64:
		iv, isInt = v, true
	case uint8:
		iv, isInt = int64(v), true
	case uint16:
		iv, isInt = int64(v), true
	case uint32:
		iv, isInt = int64(v), true
	case float32:
		fv = float64(v)
	case float64:
		fv = v
	default:
		return 0, fmt.Errorf("cannot pass %T as %v", a, k)
	}
	switch k {
	case KindI32:
		if !isInt || iv < math.MinInt32 || iv > math.MaxInt32 {
			return 0, fmt.Errorf("%v does not fit in i32", a)
		}
		return uint64(uint32(int32(iv))), nil
	case KindI64:
		if !isInt {
			return 0, fmt.Errorf("cannot pass %T as i64", a)
		}
		return uint64(iv), nil
	case KindF32:
		if isInt {
			fv = float64(iv)
		}
		return uint64(math.Float32bits(float32(fv))), nil
	case KindF64:
		if isInt {
			fv = float64(iv)
		}
		return math.Float64bits(fv), nil
	}
	return 0, fmt.Errorf("parameter type %v not supported", k)
}

// decodeResult converts the raw bits of a result of kind k.
func decodeResult(w uint64, k ValKind) any {
	switch k {
	case KindI32:
		return int32(uint32(w))
	case KindI64:
		return int64(w)
	case KindF32:
		return math.Float32frombits(uint32(w))
	}
	return math.Float64frombits(w)
}
