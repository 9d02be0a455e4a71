using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ItaSurvey.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SurveyVersionId",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BasedOnId = table.Column<int>(type: "INTEGER", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyVersions_SurveyVersions_BasedOnId",
                        column: x => x.BasedOnId,
                        principalTable: "SurveyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SurveyVersionFiles",
                columns: table => new
                {
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyVersionFiles", x => new { x.VersionId, x.Name });
                    table.ForeignKey(
                        name: "FK_SurveyVersionFiles_SurveyVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SurveyVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Name", "Version" },
                values: new object[] { "surveys", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_SurveyVersionId",
                table: "Rounds",
                column: "SurveyVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyVersions_BasedOnId",
                table: "SurveyVersions",
                column: "BasedOnId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyVersions_ContentHash",
                table: "SurveyVersions",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyVersions_FiscalYear_Number",
                table: "SurveyVersions",
                columns: new[] { "FiscalYear", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Rounds_SurveyVersions_SurveyVersionId",
                table: "Rounds",
                column: "SurveyVersionId",
                principalTable: "SurveyVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Rounds_SurveyVersions_SurveyVersionId",
                table: "Rounds");

            migrationBuilder.DropTable(
                name: "SurveyVersionFiles");

            migrationBuilder.DropTable(
                name: "SurveyVersions");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_SurveyVersionId",
                table: "Rounds");

            migrationBuilder.DeleteData(
                table: "DataVersions",
                keyColumn: "Name",
                keyValue: "surveys");

            migrationBuilder.DropColumn(
                name: "SurveyVersionId",
                table: "Rounds");
        }
    }
}
