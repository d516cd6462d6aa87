using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Motcua.Access.SignIn;

[AllowAnonymous]
internal sealed class SignOutModel(SignInManager<MotcuaUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Access/SignIn/SignIn");
    }
}
