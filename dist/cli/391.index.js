export const id = 391;
export const ids = [391];
export const modules = {

/***/ 6391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runSuggest: () => (/* binding */ runSuggest),
/* harmony export */   suggestWith: () => (/* binding */ suggestWith)
/* harmony export */ });
/* harmony import */ var _advisor_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8786);
/* harmony import */ var _estimate_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5402);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6261);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8121);
/* harmony import */ var _tokenize_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5419);
/* harmony import */ var _advisor_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5319);
/* harmony import */ var _revision_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6496);







/**
 * The whole `suggest` job: read one revision as `estimate` does, price it, then replay each
 * feature on its routing candidates and the other levers. The advisor's config and the eval
 * results are read from the same revision.
 */
async function runSuggest(run) {
    return (0,_revision_js__WEBPACK_IMPORTED_MODULE_6__/* .withRevision */ .k)(run, async ({ location, reader, snapshot, catalog, progress }) => {
        const { config } = snapshot;
        const counter = new _tokenize_index_js__WEBPACK_IMPORTED_MODULE_4__/* .TokenCounter */ .WX();
        try {
            const ctx = { catalog, counter };
            progress(`pricing ${Object.keys(config.features).length} feature(s)`);
            const estimate = (0,_estimate_index_js__WEBPACK_IMPORTED_MODULE_1__/* .estimateRevision */ .GZ)(snapshot, ctx);
            progress('replaying each feature on its candidate models');
            const features = await suggestWith(snapshot, estimate, ctx, reader, {
                seed: `${snapshot.rev ?? 'worktree'}:${location.prefix}:${location.configPath}`,
                workers: run.workers,
            });
            const report = {
                schema_version: 1,
                currency: 'USD',
                rev: snapshot.rev,
                pricing_date: estimate.pricingDate,
                catalog: (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .catalogJson */ .Eq)(catalog.info),
                features,
                notices: estimate.notices,
            };
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .assertFiniteReport */ .YC)(report, { file: config.path, positions: config.positions });
            return { report, estimate, snapshot };
        }
        finally {
            await counter.close();
        }
    });
}
/**
 * Suggestions for a priced revision whose files `reader` still reads (the eval results named by
 * the revision's `advisor.evals`). Shared by `suggest` and the action's Savings section.
 */
async function suggestWith(snapshot, estimate, ctx, reader, extra) {
    const inputs = await (0,_advisor_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .advisorInputs */ .K)(snapshot.config, reader, _repo_index_js__WEBPACK_IMPORTED_MODULE_3__/* .expandPattern */ .nh);
    return (0,_advisor_index_js__WEBPACK_IMPORTED_MODULE_0__/* .suggestRevision */ .gR)(snapshot, estimate, ctx, { ...inputs, ...extra });
}


/***/ })

};
