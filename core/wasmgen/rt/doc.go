// Package rt builds the runtime of a compiled module: the helper
// functions that compiled code calls, the globals they keep and the
// static strings they read. Lowering (core/wasmgen) asks a Runtime for a
// helper's function index (r.StrCat(), r.ListNew(w), ...); the first
// request appends the helper to the module, and the helpers it calls
// after it, so a module carries only what its functions use, in the
// order they first asked. rt knows the memory layouts of core/abi and
// nothing of the program being compiled: it reads no syntax tree and no
// checker facts.
//
// Every helper keeps Python's semantics or traps with an abi.ErrorCode
// (the call then re-runs in Python). Integers are i64, floats f64, bools,
// lists and strings i32 (a list is the address of its header, a string
// of its object). The helpers, by name (a list helper with 1-byte slots,
// for list[bool], has the suffix _b):
//
// The arena (UseHeap: globals __ml_heap and __ml_argtop):
//
//	__ml_new(n i64) -> i32          n bytes, 8-aligned, from the arena;
//	                                grows memory; ErrMemory when it cannot
//	__ml_alloc(nbytes i32) -> i32   exported: __ml_new for the host's
//	                                arguments, which the next call keeps
//	__ml_reset()                    exported: empties the arena
//
// Lists (header {len, cap, data}, slots of 1 << SlotWidth bytes):
//
//	__ml_list(n i64) -> i32          a list of max(n, 0) slots, which the
//	                                 caller fills; ErrMemory beyond MaxLen
//	__ml_grow(l i32)                 grows the data of a full list to
//	                                 twice its capacity (at least 4), for
//	                                 an append written inline; ErrMemory
//	                                 beyond MaxLen
//	__ml_pop(l i32, i i64) -> i64    removes l[i] (i < 0 counts from the
//	                                 end) and returns its slot's bits;
//	                                 ErrIndex out of range
//	__ml_repeat(l i32, n i64) -> i32 the new list l * n; ErrMemory beyond
//	                                 MaxLen elements
//	__ml_concat(a, b i32) -> i32     the new list a + b
//	__ml_sort_K(l i32)               sorts a list of ints (_i), floats
//	                                 (_f) or bools (_b) in place, stably;
//	                                 a NaN: ErrUnsupported (sort.go)
//	__ml_sorted_K(l i32) -> i32      a sorted copy of l
//	__ml_slice(l i32, lo, hi, step i64, present i32) -> i32
//	                                 the new list l[lo:hi:step], the parts
//	                                 absent from present defaulted
//	                                 (slices.go); ErrValue for a step of 0
//
// Strings (UseStrings: objects {nbytes, count, UTF-8 bytes}, the 128
// static ASCII characters and the literals from abi.HeapBase, three
// globals remembering the last position __ml_str_pos found):
//
//	__ml_str_alloc(nbytes, count i32) -> i32  a new object whose bytes the
//	                                          caller writes; ErrMemory
//	                                          beyond MaxLen code points
//	__ml_str_cat(a, b i32) -> i32             a + b (a or b itself when
//	                                          the other is empty)
//	__ml_str_repeat(s i32, n i64) -> i32      s * n; ErrMemory beyond
//	                                          MaxLen code points
//	__ml_str_append(r, x, fresh i32) -> i32   r + x for `r += x`, in place
//	                                          when r carries StrMark and
//	                                          ends the arena; the result
//	                                          is marked
//	__ml_bytes_eq(p, q, n i32) -> i32         whether n bytes at p and q
//	                                          are equal
//	__ml_str_eq(a, b i32) -> i32              a == b
//	__ml_str_cmp(a, b i32) -> i32             <0, 0, >0 in code point order
//	__ml_str_in(needle, hay i32) -> i32       needle in hay
//	__ml_str_pos(s i32, i i64) -> i32         address of s[i]'s first byte
//	                                          (i < 0 from the end);
//	                                          ErrIndex out of range
//	__ml_char_at(p i32) -> i32                the character at address p
//	                                          (static for ASCII)
//	__ml_char_into(p, scratch i32) -> i32     the same, written into the
//	                                          4-byte object scratch
//	__ml_str_at(s i32, i i64) -> i32          s[i]; ErrIndex
//	__ml_decode(p i32) -> i64                 the code point at address p
//	__ml_ord(s i32) -> i64                    ord(s); ErrType unless s has
//	                                          one code point
//	__ml_ord_at(s i32, i i64) -> i64          ord(s[i]); ErrIndex
//	__ml_chr(i i64) -> i32                    chr(i); ErrOverflow outside
//	                                          a C int, ErrValue outside
//	                                          0..0x10FFFF
//	__ml_str_int(v i64) -> i32                str(v) in decimal
//	__ml_str_lower(s i32) -> i32              s.lower() of an ASCII s
//	__ml_str_upper(s i32) -> i32              s.upper() of an ASCII s
//	__ml_str_strip(s i32) -> i32              s.strip() of an ASCII s
//	__ml_str_split(s i32) -> i32              the list[str] s.split() of
//	                                          an ASCII s
//	__ml_str_split_sep(s, sep i32) -> i32     s.split(sep), ASCII s and
//	                                          sep; an empty sep:
//	                                          ErrUnsupported
//	__ml_str_join(sep, parts i32) -> i32      sep.join(parts), any text
//	__ml_str_startswith(s, p i32) -> i32      s.startswith(p), any text
//	__ml_str_endswith(s, p i32) -> i32        s.endswith(p), any text
//	                                          (strmethods.go: the ASCII
//	                                          ones trap with ErrUnsupported
//	                                          on other text)
//	__ml_str_slice(s i32, lo, hi, step i64, present i32) -> i32
//	                                          s[lo:hi:step] of an ASCII s;
//	                                          ErrUnsupported beyond ASCII,
//	                                          ErrValue for a step of 0
//
// Numbers:
//
//	__ml_ipow(base, exp i64) -> i64   base ** exp; ErrOverflow, and
//	                                  ErrUnsupported for exp < 0 (a float)
//	__ml_fmod(x, y f64) -> f64        C's fmod, exactly (y != 0)
//	__ml_fmod_py(x, y f64) -> f64     Python's x % y; ErrZeroDivision
//	__ml_ffloordiv(x, y f64) -> f64   Python's x // y; ErrZeroDivision
//	__ml_cmp_if(i i64, x f64) -> i32  -1, 0, 1 as i <, ==, > x exactly;
//	                                  2 when x is nan
//	__ml_fpow(x, y f64) -> f64        Python's x ** y, with the platform's
//	                                  pow() from the host table (abi.
//	                                  HostExport); ErrUnsupported where
//	                                  Python raises or returns a complex,
//	                                  ErrOverflow on overflow
//
// WrapExports gives the compiled functions of a module that uses the
// arena their exported wrappers (which reset the arena on each call) and
// adds __ml_alloc and __ml_reset; Finish lays out the static strings.
// Each helper is written with an emit.Builder, whose grouped operations
// (ReturnIf, Until, MulChecked, ...) stand for the instruction runs that
// helpers and lowering share.
package rt
