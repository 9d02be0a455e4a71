using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItaSurvey.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicItaPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PublicPage",
                table: "Rounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PublicScores",
                table: "Rounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "OitEvidenceUrls",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "OitEvidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicCode",
                table: "Agencies",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PublishedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedDocuments_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_PublicCode",
                table: "Agencies",
                column: "PublicCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedDocuments_RoundId",
                table: "PublishedDocuments",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedDocuments_Token",
                table: "PublishedDocuments",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublishedDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_PublicCode",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "PublicPage",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "PublicScores",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "OitEvidenceUrls");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "OitEvidence");

            migrationBuilder.DropColumn(
                name: "PublicCode",
                table: "Agencies");
        }
    }
}
