package tmplexec

import "reflect"

// basic is the class of a value for comparisons, as text/template's
// basicKind.
type basic int

const (
	other basic = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

func basicKind(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.Complex64, reflect.Complex128:
		return complexKind
	case reflect.String:
		return stringKind
	}
	return other
}

// eq is text/template's eq for basic values, nil and pointers; other
// comparisons are left to it.
func eq(v []reflect.Value) reflect.Value {
	a := indirectInterface(v[0])
	k1 := basicKind(a)
	for _, b := range v[1:] {
		b = indirectInterface(b)
		k2 := basicKind(b)
		truth := false
		switch {
		case k1 == intKind && k2 == uintKind:
			truth = a.Int() >= 0 && uint64(a.Int()) == b.Uint()
		case k1 == uintKind && k2 == intKind:
			truth = b.Int() >= 0 && a.Uint() == uint64(b.Int())
		case k1 != k2:
			if a.IsValid() && b.IsValid() {
				bail()
			}
		case k1 == boolKind:
			truth = a.Bool() == b.Bool()
		case k1 == complexKind:
			truth = a.Complex() == b.Complex()
		case k1 == floatKind:
			truth = a.Float() == b.Float()
		case k1 == intKind:
			truth = a.Int() == b.Int()
		case k1 == stringKind:
			truth = a.String() == b.String()
		case k1 == uintKind:
			truth = a.Uint() == b.Uint()
		case a.IsValid() && b.IsValid() && a.Kind() == reflect.Pointer && a.Type() == b.Type():
			truth = a.Pointer() == b.Pointer()
		default:
			bail()
		}
		if truth {
			return reflect.ValueOf(true)
		}
	}
	return reflect.ValueOf(false)
}

// compare is lt, le, gt or ge.
func compare(name string) func([]reflect.Value) reflect.Value {
	return func(v []reflect.Value) reflect.Value {
		lt, eq := less(v[0], v[1])
		r := map[string]bool{"lt": lt, "le": lt || eq, "gt": !lt && !eq, "ge": !lt}[name]
		return reflect.ValueOf(r)
	}
}

// less compares two basic values of one class (or an int with a uint).
func less(a, b reflect.Value) (lt, eq bool) {
	a, b = indirectInterface(a), indirectInterface(b)
	k1, k2 := basicKind(a), basicKind(b)
	switch {
	case k1 == intKind && k2 == uintKind:
		return a.Int() < 0 || uint64(a.Int()) < b.Uint(), a.Int() >= 0 && uint64(a.Int()) == b.Uint()
	case k1 == uintKind && k2 == intKind:
		return b.Int() >= 0 && a.Uint() < uint64(b.Int()), b.Int() >= 0 && a.Uint() == uint64(b.Int())
	case k1 != k2:
		bail()
	case k1 == floatKind:
		return a.Float() < b.Float(), a.Float() == b.Float()
	case k1 == intKind:
		return a.Int() < b.Int(), a.Int() == b.Int()
	case k1 == stringKind:
		return a.String() < b.String(), a.String() == b.String()
	case k1 == uintKind:
		return a.Uint() < b.Uint(), a.Uint() == b.Uint()
	}
	bail()
	return false, false
}
