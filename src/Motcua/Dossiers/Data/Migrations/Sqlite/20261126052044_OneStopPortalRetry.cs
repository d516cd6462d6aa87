using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneStopPortalRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Failures",
                table: "portal_sync",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetryAfter",
                table: "portal_sync",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Failures",
                table: "portal_sync");

            migrationBuilder.DropColumn(
                name: "RetryAfter",
                table: "portal_sync");
        }
    }
}
