// Reads QR codes from the camera: the browser's BarcodeDetector where there is one, else the
// jsQR decoder, loaded only when a scan starts.

type Decode = (frame: ImageData) => Promise<string | undefined>;

interface DetectorLike {
	detect(source: ImageData): Promise<{ rawValue: string }[]>;
}

async function decoder(): Promise<Decode> {
	const Detector = (globalThis as { BarcodeDetector?: new (options: object) => DetectorLike })
		.BarcodeDetector;
	if (Detector) {
		const detector = new Detector({ formats: ['qr_code'] });
		return async (frame) => (await detector.detect(frame))[0]?.rawValue;
	}
	const { default: jsQR } = await import('jsqr');
	return async (frame) => jsQR(frame.data, frame.width, frame.height)?.data;
}

/** Scans `video`'s camera stream until stopped, calling `onCode` once per new code seen. */
export async function scanCodes(
	video: HTMLVideoElement,
	onCode: (code: string) => void
): Promise<() => void> {
	const [decode, stream] = await Promise.all([
		decoder(),
		navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
	]);
	video.srcObject = stream;
	await video.play();
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d', { willReadFrequently: true })!;
	const seen = new Set<string>();
	let stopped = false;
	const tick = async () => {
		if (stopped) return;
		if (video.videoWidth) {
			canvas.width = video.videoWidth;
			canvas.height = video.videoHeight;
			context.drawImage(video, 0, 0);
			const code = await decode(context.getImageData(0, 0, canvas.width, canvas.height));
			if (code && !seen.has(code)) {
				seen.add(code);
				onCode(code);
			}
		}
		// a few reads a second are enough to catch a code held up to the camera
		setTimeout(tick, 250);
	};
	void tick();
	return () => {
		stopped = true;
		for (const track of stream.getTracks()) track.stop();
		video.srcObject = null;
	};
}
