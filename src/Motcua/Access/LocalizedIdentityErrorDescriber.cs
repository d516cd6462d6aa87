using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Access;

/// <summary>Identity's password and user-name errors in the user's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["The password must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["The password must contain a digit."]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["The password must contain a lower-case letter."]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["The password must contain an upper-case letter."]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["The password must use at least {0} different characters.", uniqueChars]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The current password is incorrect."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["The user name {0} is already taken.", userName]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["The user name may contain only letters without diacritics, digits and - . _ @"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["The code is not valid."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
