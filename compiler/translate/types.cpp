// types.cpp - declarators for captured variables (variably modified and
// function-local types included) and the argument block of a task site:
// its fields, how the body unpacks it, how the creator fills it.
#include "lowering.h"

#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace ssc {

std::string Lowering::decl(QualType t, const std::string &name) const {
    std::string s;
    llvm::raw_string_ostream os(s);
    t.print(os, pol_, name);
    return os.str();
}

// The declarations (inside a function) of the types that t uses, so that
// they can be copied to file scope before the outlined code; false if one
// cannot be (an unnamed struct, an enum, a declaration in a macro).
bool Lowering::gather_local(QualType t, std::vector<const Decl *> &out, int depth) const {
    if (depth > 16 || t.isNull())
        return depth <= 16;
    auto add = [&](const Decl *d) {
        if (std::find(out.begin(), out.end(), d) != out.end())
            return true;
        SourceRange r = d->getSourceRange();
        if (!in_main(r.getBegin()) || !in_main(r.getEnd()))
            return false;
        out.push_back(d);
        return true;
    };
    if (auto *tt = dyn_cast<TypedefType>(t.getTypePtr())) {
        const TypedefNameDecl *td = tt->getDecl();
        if (td->getDeclContext()->isFunctionOrMethod()) {
            if (!gather_local(td->getUnderlyingType(), out, depth + 1))
                return false;
            // Its own text defines an unnamed struct it names.
            if (auto *rt = td->getUnderlyingType()->getAs<RecordType>())
                if (rt->getDecl()->getTypedefNameForAnonDecl() == td)
                    out.erase(std::remove(out.begin(), out.end(), rt->getDecl()), out.end());
            return add(td);
        }
        return true;
    }
    if (auto *pt = t->getAs<PointerType>())
        return gather_local(pt->getPointeeType(), out, depth + 1);
    if (auto *at = C_.getAsArrayType(t))
        return gather_local(at->getElementType(), out, depth + 1);
    if (auto *et = t->getAs<ElaboratedType>())
        return gather_local(et->getNamedType(), out, depth + 1);
    if (auto *tt = t->getAs<TagType>()) {
        const TagDecl *d = tt->getDecl();
        if (!d->getDeclContext()->isFunctionOrMethod())
            return true;
        if (isa<EnumDecl>(d))
            return false;
        const RecordDecl *rd = cast<RecordDecl>(d)->getDefinition();
        if (!rd)
            return false;
        if (!rd->getIdentifier())
            return rd->getTypedefNameForAnonDecl() != nullptr;  // hoisted with its typedef
        for (const FieldDecl *f : rd->fields())
            if (f->getType()->isVariablyModifiedType() || !gather_local(f->getType(), out, depth + 1))
                return false;
        return add(rd);
    }
    return true;
}

bool Lowering::local_type(QualType t) const {
    for (int guard = 0; guard < 32 && !t.isNull(); guard++) {
        if (auto *td = t->getAs<TypedefType>())
            if (td->getDecl()->getDeclContext()->isFunctionOrMethod())
                return true;
        if (auto *tt = t->getAs<TagType>()) {
            if (tt->getDecl()->getDeclContext()->isFunctionOrMethod())
                return true;
            if (!tt->getDecl()->getIdentifier() && !tt->getDecl()->getTypedefNameForAnonDecl())
                return true;
        }
        if (auto *pt = t->getAs<PointerType>())
            t = pt->getPointeeType();
        else if (auto *at = C_.getAsArrayType(t))
            t = at->getElementType();
        else
            break;
    }
    return false;
}

// Extents of the variable-length arrays inside type t, outermost first,
// computed at run time from an object of that type spelled `path`.
void Lowering::vm_sizes(QualType t, const std::string &path, std::vector<std::string> &out) const {
    if (auto *pt = t->getAs<PointerType>()) {
        if (pt->getPointeeType()->isVariablyModifiedType())
            vm_sizes(pt->getPointeeType(), "(*" + path + ")", out);
    } else if (auto *at = C_.getAsArrayType(t)) {
        if (isa<VariableArrayType>(at))
            out.push_back("sizeof(" + path + ") / sizeof((" + path + ")[0])");
        vm_sizes(at->getElementType(), "(" + path + ")[0]", out);
    }
}

// A declarator for a variably modified type, its extents named __ss_vlaK in
// vm_sizes order, or (pretty) printed from the size expressions.
std::string Lowering::vm_decl(QualType t, const std::string &inner, unsigned &k, bool pretty) const {
    if (!t->isVariablyModifiedType())
        return decl(t, inner);
    if (auto *pt = t->getAs<PointerType>()) {
        QualType pointee = pt->getPointeeType();
        std::string q = t.getQualifiers().getAsString();
        std::string s = "*" + (q.empty() ? "" : q + " ") + inner;
        if (C_.getAsArrayType(pointee))
            s = "(" + s + ")";
        return vm_decl(pointee, s, k, pretty);
    }
    const ArrayType *at = C_.getAsArrayType(t);
    std::string dim;
    if (auto *ca = dyn_cast<ConstantArrayType>(at)) {
        dim = std::to_string(ca->getSize().getZExtValue());
    } else if (auto *va = dyn_cast<VariableArrayType>(at)) {
        if (pretty && va->getSizeExpr()) {
            llvm::raw_string_ostream os(dim);
            va->getSizeExpr()->printPretty(os, nullptr, pol_);
            os.flush();
        } else {
            dim = "__ss_vla" + std::to_string(k++);
        }
    }
    return vm_decl(at->getElementType(), inner + "[" + dim + "]", k, pretty);
}

// --- the argument block ----------------------------------------------------

Ctx Lowering::body_ctx(const Site &s, std::string &prologue, std::string &fields) {
    Ctx B;
    unsigned k = 0, kd = 0;
    std::string unused;
    for (const Capture &c : s.caps) {
        QualType t = c.var->getType();
        std::string name = c.var->getName().str();
        bool vm = t->isVariablyModifiedType();
        std::vector<std::string> sizes;
        switch (c.how) {
        case Sharing::Shared: {
            QualType pt = C_.getPointerType(t);
            std::string pn = "__ssp_" + name;
            if (vm) {
                vm_sizes(pt, "x", sizes);
                for (size_t i = 0; i < sizes.size(); i++, kd++) {
                    fields += "size_t __ss_vla" + std::to_string(kd) + "; ";
                    prologue += "size_t __ss_vla" + std::to_string(kd) + " = __ss_a->__ss_vla" + std::to_string(kd) + "; ";
                }
                fields += "void *" + c.field + "; ";
                prologue += vm_decl(pt, pn, k, false) + " = __ss_a->" + c.field + "; ";
            } else {
                fields += decl(pt, c.field) + "; ";
                prologue += decl(pt, pn) + " = __ss_a->" + c.field + "; ";
            }
            B.spell[c.var] = "(*" + pn + ")";
            unused += "(void)" + pn + "; ";
            break;
        }
        case Sharing::FirstPrivate:
            if (vm) {
                vm_sizes(t, "x", sizes);
                for (size_t i = 0; i < sizes.size(); i++, kd++) {
                    fields += "size_t __ss_vla" + std::to_string(kd) + "; ";
                    prologue += "size_t __ss_vla" + std::to_string(kd) + " = __ss_a->__ss_vla" + std::to_string(kd) + "; ";
                }
                fields += "void *" + c.field + "; ";
                prologue += vm_decl(t, name, k, false) + " = __ss_a->" + c.field + "; ";
            } else if (t->isArrayType()) {
                fields += decl(t.getUnqualifiedType(), c.field) + "; ";
                prologue += decl(t, name) + "; __builtin_memcpy(&" + name + ", &__ss_a->" + c.field +
                            ", sizeof " + name + "); ";
            } else {
                fields += decl(t.getUnqualifiedType(), c.field) + "; ";
                prologue += decl(t, name) + " = __ss_a->" + c.field + "; ";
            }
            unused += "(void)" + name + "; ";
            break;
        case Sharing::Private:
            prologue += decl(t, name) + "; ";
            unused += "(void)" + name + "; ";
            break;
        }
    }
    for (const Capture &c : s.caps)
        if (c.addr)
            fields += "void *" + c.field + "_addr; ";
    for (const Extra &x : extras_[int(&s - &sites_[0])]) {
        fields += x.type + " " + x.name + "; ";
        prologue += x.type + " " + x.name + " = __ss_a->" + x.name + "; ";
        unused += "(void)" + x.name + "; ";
    }
    if (fields.empty())
        fields = "char __ss_unused; ";
    prologue += unused;
    return B;
}

// Spellings that read captures straight from the argument block __ss_a.
Ctx Lowering::field_ctx(const Site &s, std::string &decls) {
    Ctx F;
    unsigned k = 0, kd = 0;
    for (const Capture &c : s.caps) {
        QualType t = c.var->getType();
        std::string name = c.var->getName().str();
        std::vector<std::string> sizes;
        if (t->isVariablyModifiedType()) {
            QualType dt = c.how == Sharing::Shared ? C_.getPointerType(t) : t;
            vm_sizes(dt, "x", sizes);
            for (size_t i = 0; i < sizes.size(); i++, kd++)
                decls += "size_t __ss_vla" + std::to_string(kd) + " = __ss_a->__ss_vla" +
                         std::to_string(kd) + "; ";
            std::string ln = c.how == Sharing::Shared ? "__ssp_" + name : name;
            if (c.how != Sharing::Private) {
                decls += vm_decl(dt, ln, k, false) + " = __ss_a->" + c.field + "; (void)" + ln + "; ";
                F.spell[c.var] = c.how == Sharing::Shared ? "(*" + ln + ")" : ln;
            }
            continue;
        }
        if (c.addr) {  // the dependence is on the creator's object, not the copy
            F.spell[c.var] = "(*(" + decl(C_.getPointerType(t), "") + ")__ss_a->" + c.field + "_addr)";
            continue;
        }
        switch (c.how) {
        case Sharing::Shared: F.spell[c.var] = "(*__ss_a->" + c.field + ")"; break;
        case Sharing::FirstPrivate: F.spell[c.var] = "(__ss_a->" + c.field + ")"; break;
        case Sharing::Private: decls += decl(t, name) + "; (void)" + name + "; "; break;
        }
    }
    return F;
}

std::string Lowering::fills(const Site &s, const Ctx &P) {
    std::string f;
    unsigned kd = 0;
    for (const Capture &c : s.caps) {
        QualType t = c.var->getType();
        std::string v = "(" + P.get(c.var) + ")";
        bool vm = t->isVariablyModifiedType();
        std::vector<std::string> sizes;
        if (c.addr)
            f += "__ss_a->" + c.field + "_addr = (void *)&" + v + "; ";
        if (c.local) {  // the hoisted copy of the type is another type to C
            if (c.how == Sharing::Shared)
                f += "__ss_a->" + c.field + " = (void *)&" + v + "; ";
            else if (c.how == Sharing::FirstPrivate && t->isPointerType())
                f += "__ss_a->" + c.field + " = (void *)" + v + "; ";
            else if (c.how == Sharing::FirstPrivate)
                f += "__builtin_memcpy(&__ss_a->" + c.field + ", &" + v + ", sizeof __ss_a->" + c.field + "); ";
            continue;
        }
        switch (c.how) {
        case Sharing::Shared:
            if (vm) {
                vm_sizes(C_.getPointerType(t), "(&" + v + ")", sizes);
                for (auto &z : sizes)
                    f += "__ss_a->__ss_vla" + std::to_string(kd++) + " = " + z + "; ";
                f += "__ss_a->" + c.field + " = (void *)&" + v + "; ";
            } else {
                f += "__ss_a->" + c.field + " = &" + v + "; ";
            }
            break;
        case Sharing::FirstPrivate:
            if (vm) {
                vm_sizes(t, v, sizes);
                for (auto &z : sizes)
                    f += "__ss_a->__ss_vla" + std::to_string(kd++) + " = " + z + "; ";
                f += "__ss_a->" + c.field + " = (void *)" + v + "; ";
            } else if (t->isArrayType()) {
                f += "__builtin_memcpy(&__ss_a->" + c.field + ", &" + v + ", sizeof __ss_a->" + c.field + "); ";
            } else {
                f += "__ss_a->" + c.field + " = " + v + "; ";
            }
            break;
        case Sharing::Private:
            break;
        }
    }
    for (const Extra &x : extras_[int(&s - &sites_[0])])
        f += "__ss_a->" + x.name + " = " + x.name + "; ";
    return f;
}

}  // namespace ssc
