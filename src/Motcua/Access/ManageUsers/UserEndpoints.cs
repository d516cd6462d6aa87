using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Input;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Access.ManageUsers;

internal sealed record UserRequest([MaxLength(256)] string? UserName, [MaxLength(200)] string? FullName, [MaxLength(256)] string? Email, [MaxLength(20)] string? UnitCode, [MaxLength(200)] string? JobTitle, [EachMaxLength(50)] IReadOnlyList<string>? Roles, [MaxLength(256)] string? Password);

internal sealed record CreatedUserResponse(UserView User, string? InitialPassword);

internal sealed record PasswordRequest([MaxLength(256)] string? Password);

internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Administration);
        users.MapGet(string.Empty, async (UserAdministration administration, CancellationToken ct) => TypedResults.Ok(await administration.ListAsync(ct)))
            .WithName("ListUsers");
        users.MapGet("/{userName}", async Task<Results<Ok<UserView>, NotFound>> (string userName, UserAdministration administration, CancellationToken ct) =>
                await administration.FindAsync(userName, ct) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound())
            .WithName("GetUser");
        users.MapPost(string.Empty, CreateAsync).WithName("CreateUser");
        users.MapPut("/{userName}", async (string userName, UserRequest request, UserAdministration administration, CancellationToken ct) =>
            {
                await administration.UpdateAsync(userName, ToInput(request, userName), ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateUser");
        users.MapPost("/{userName}/disable", async (string userName, UserAdministration administration, CancellationToken ct) =>
            {
                await administration.SetDisabledAsync(userName, true, ct);
                return TypedResults.NoContent();
            })
            .WithName("DisableUser");
        users.MapPost("/{userName}/enable", async (string userName, UserAdministration administration, CancellationToken ct) =>
            {
                await administration.SetDisabledAsync(userName, false, ct);
                return TypedResults.NoContent();
            })
            .WithName("EnableUser");
        users.MapPost("/{userName}/unlock", async (string userName, UserAdministration administration, CancellationToken ct) =>
            {
                await administration.UnlockAsync(userName, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlockUser");
        users.MapPost("/{userName}/password", async (string userName, PasswordRequest request, UserAdministration administration, CancellationToken ct) =>
            {
                await administration.ResetPasswordAsync(userName, request.Password ?? string.Empty, ct);
                return TypedResults.NoContent();
            })
            .WithName("ResetUserPassword");
    }

    private static UserInput ToInput(UserRequest request, string? userName = null) =>
        new(userName ?? request.UserName ?? string.Empty, request.FullName ?? string.Empty, request.Email, request.UnitCode, request.JobTitle, request.Roles ?? []);

    private static async Task<Results<Created<CreatedUserResponse>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        UserRequest request, UserAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        // Without a password the administrator gets a random one, shown once in the response.
        var generated = string.IsNullOrEmpty(request.Password) ? UserAdministration.GeneratePassword() : null;
        var user = await administration.CreateAsync(ToInput(request), generated ?? request.Password!, cancellationToken);
        return TypedResults.Created($"/api/v1/users/{user.UserName}", new CreatedUserResponse(user, generated));
    }
}
