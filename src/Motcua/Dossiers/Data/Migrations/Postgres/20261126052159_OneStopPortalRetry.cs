using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneStopPortalRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Failures",
                schema: "dossiers",
                table: "portal_sync",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetryAfter",
                schema: "dossiers",
                table: "portal_sync",
                type: "timestamp without time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Failures",
                schema: "dossiers",
                table: "portal_sync");

            migrationBuilder.DropColumn(
                name: "RetryAfter",
                schema: "dossiers",
                table: "portal_sync");
        }
    }
}
