export const id = 472;
export const ids = [472];
export const modules = {

/***/ 7472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   suggest: () => (/* binding */ suggest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _run_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8404);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6657);



/**
 * `aicost suggest`: the savings advisor over one revision. Exit 0 whatever it finds: a suggestion
 * is advice, never a failing check; bad input is exit 2 through the entry's error handling.
 */
async function suggest(args) {
    const { report } = await (0,_run_index_js__WEBPACK_IMPORTED_MODULE_1__/* .runSuggest */ .Iv)({
        repo: args.repo,
        rev: args.rev,
        config: args.config,
        trafficDir: args.trafficDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(args.trafficDir) : undefined,
    });
    await (0,_output_js__WEBPACK_IMPORTED_MODULE_2__/* .writeReport */ .u)(args, report, (r) => ({ markdown: r.suggestMarkdown, text: r.suggestText }));
    return 0;
}


/***/ })

};
