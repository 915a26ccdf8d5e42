// The floor for any Ink program: an Ink "hello" that waits for q, bundled the way the CLI is (esbuild,
// production React, react-devtools-core stubbed). The reader-start section builds it into bench/out/
// and times its first frame next to the reader's.
import {render, Text, useApp, useInput} from 'ink';
import {createElement} from 'react';

function Hello() {
	const {exit} = useApp();
	useInput((input) => {
		if (input === 'q') exit();
	});
	return createElement(Text, null, 'hello from ink');
}

render(createElement(Hello));
